import { useEffect } from 'react'

/**
 * The vault window's keyboard shortcuts. Each is shown where its button is (tooltip and
 * aria-keyshortcuts), so it can be found without a manual. On a Mac the modifier is ⌘.
 */
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
const MOD_ARIA = IS_MAC ? 'Meta' : 'Control'
const MOD_SHOWN = IS_MAC ? '⌘' : 'Ctrl+'

export interface Shortcut {
  /** For aria-keyshortcuts: "Control+F /". */
  readonly aria: string
  /** For a tooltip: "/ or Ctrl+F". */
  readonly shown: string
}

export const SHORTCUTS = {
  search: { aria: `/ ${MOD_ARIA}+F`, shown: `/ or ${MOD_SHOWN}F` },
  addKey: { aria: `${MOD_ARIA}+N N`, shown: `${MOD_SHOWN}N or N` },
  lock: { aria: `${MOD_ARIA}+L`, shown: `${MOD_SHOWN}L` },
} as const satisfies Record<string, Shortcut>

/** "Lock (Ctrl+L)". */
export const withShortcut = (label: string, shortcut: Shortcut) => `${label} (${shortcut.shown})`

export interface ShortcutActions {
  focusSearch: () => void
  addKey: () => void
  lock: () => void
}

/** Typing in a field, or a dialog open: single-letter shortcuts stay out of the way. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null
}

const dialogOpen = () => document.querySelector('[role="dialog"], [role="alertdialog"]') !== null

/** What a key press means here, if anything: the whole rule, apart from the DOM, so it can be tested. */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, typing: boolean, inDialog: boolean): keyof ShortcutActions | null {
  const mod = IS_MAC ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey
  const key = e.key.toLowerCase()
  if (e.altKey) return null
  // Locking is always one press away, even from inside a dialog or a field.
  if (mod && !e.shiftKey && key === 'l') return 'lock'
  if (inDialog) return null
  if (mod && !e.shiftKey && key === 'f') return 'focusSearch'
  if (mod && !e.shiftKey && key === 'n') return 'addKey'
  if (mod || typing || e.ctrlKey || e.metaKey) return null
  if (e.key === '/') return 'focusSearch'
  if (key === 'n' && !e.shiftKey) return 'addKey'
  return null
}

/** Listens on the document while the vault is open. */
export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.repeat) return
      const action = shortcutFor(e, isTyping(e.target), dialogOpen())
      if (!action) return
      // Ctrl+F would open the browser's find bar, Ctrl+L its address bar, "/" would be typed.
      e.preventDefault()
      actions[action]()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [actions])
}
