import type { KeyField } from '../../../electron/shared/dto'
import { CLIPBOARD_CLEARED, copiedCountdown, LEFT_ALONE, useSecondsLeft } from '../clipboard-ui'
import type { ClipboardView } from '../store/clipboard-slice'
import type { Store } from '../store/store'
import { useStore } from '../store/store'

/** The clipboard view when it is about this key (and this field, when one is named). */
export const clipboardFor =
  (keyId: string, field?: KeyField) =>
  (s: Store): ClipboardView | null =>
    s.clipboard && s.clipboard.keyId === keyId && (field === undefined || s.clipboard.field === field) ? s.clipboard : null

/**
 * "Copied — clears in 27 s", ticking, then "Clipboard cleared". Not a live region: the copy and
 * the clear are announced once each through the announcer, not read out every second.
 */
export function CopyStatus({ keyId, field }: { keyId: string; field: KeyField }) {
  const view = useStore(clipboardFor(keyId, field))
  const error = useStore((s) => (s.copyError?.keyId === keyId && s.copyError.field === field ? s.copyError.message : null))
  const seconds = useSecondsLeft(view?.kind === 'holding' ? view.deadline : null)
  if (error) return <p className="copy-status copy-error">Not copied. {error}</p>
  if (!view) return null
  if (view.kind === 'holding') return seconds > 0 ? <p className="copy-status copied">{copiedCountdown(seconds)}</p> : null
  return view.reason === 'timeout' ? <p className="copy-status copied">{CLIPBOARD_CLEARED}</p> : <p className="copy-status muted">{LEFT_ALONE}</p>
}

/** The same, beside a key's name in its row: the countdown, then "Clipboard cleared"; nothing otherwise. */
export function RowClipboardStatus({ keyId }: { keyId: string }) {
  const view = useStore(clipboardFor(keyId))
  const seconds = useSecondsLeft(view?.kind === 'holding' ? view.deadline : null)
  if (view?.kind === 'holding' && seconds > 0) return <span className="key-secret copied">{copiedCountdown(seconds)}</span>
  if (view?.kind === 'cleared' && view.reason === 'timeout') return <span className="key-secret copied">{CLIPBOARD_CLEARED}</span>
  return null
}
