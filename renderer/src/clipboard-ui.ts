import { useEffect, useState } from 'react'
import type { CaptureResult } from '../../electron/shared/dto'

/** What the window says about copying, revealing and pasting. None of it ever holds a value. */
export const CLIPBOARD_CLEARED = 'Clipboard cleared'

/** Read out once per copy; the countdown on screen is not a live region, so it is not read each second. */
export const copiedAnnouncement = (seconds: number) => `Copied — clears in ${seconds} seconds`

export const copiedCountdown = (seconds: number) => `Copied — clears in ${seconds} s`

export const NOT_CONCEALED = 'This clipboard cannot be told to keep the key out of clipboard history.'

export const LEFT_ALONE = 'You copied something else since, so Keyhold left the clipboard as it is.'

/** The shape check of a pasted key, as sentences; empty when nothing looks wrong. */
export function captureWarnings(c: CaptureResult): string[] {
  return [
    ...(c.edgeWhitespace ? ['It starts or ends with spaces or line breaks, which usually come from copying.'] : []),
    ...(c.invisibleCharacters ? ['It contains invisible characters.'] : []),
    ...(c.controlCharacters ? ['It contains control characters, which keys never contain.'] : []),
    ...(c.tooLong ? ['It is too long to be a key (the limit is 16 KiB).'] : []),
  ]
}

export const pastedSummary = (c: CaptureResult) => `Pasted: ${c.length} ${c.length === 1 ? 'character' : 'characters'}`

/** Whole seconds left until `deadline` (ms), redrawn when the number changes; 0 once it has passed. */
export function useSecondsLeft(deadline: number | null): number {
  const left = () => (deadline === null ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000)))
  const [seconds, setSeconds] = useState(left)
  useEffect(() => {
    const update = () => setSeconds(deadline === null ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000)))
    update()
    if (deadline === null) return
    // A quarter second keeps the number within a beat of the clock; unchanged numbers do not redraw.
    const timer = setInterval(update, 250)
    return () => clearInterval(timer)
  }, [deadline])
  return seconds
}
