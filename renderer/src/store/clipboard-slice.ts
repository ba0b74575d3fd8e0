import type { ClipboardState, KeyField } from '../../../electron/shared/dto'
import { errorOf, type KeyholdClient } from '../api/client'
import { copiedAnnouncement, CLIPBOARD_CLEARED } from '../clipboard-ui'
import type { SliceCreator } from './slice'

/**
 * Which key's value the clipboard holds and until when — never the value, which only core has.
 * After a clear the note stays a few seconds, so the person sees what happened.
 */
export interface HoldingView {
  readonly kind: 'holding'
  readonly keyId: string
  readonly field: KeyField
  readonly seconds: number
  /** When the countdown reaches 0 (ms), counted from when the window learned of the copy. */
  readonly deadline: number
}

export type ClipboardView = HoldingView | { readonly kind: 'cleared'; readonly keyId: string; readonly field: KeyField; readonly reason: 'timeout' | 'replaced' }

export interface CopyError {
  readonly keyId: string
  readonly field: KeyField
  readonly message: string
}

export interface ClipboardSlice {
  clipboard: ClipboardView | null
  /** What the latest copy said about clipboard history: false when the hint could not be set. */
  clipboardConcealed: boolean | null
  copyError: CopyError | null
  /** `${id}:${field}` of copies on their way. */
  copying: ReadonlySet<string>
  copyKey: (id: string, field: KeyField) => Promise<void>
  clipboardChanged: (state: ClipboardState) => void
  dismissCopyError: () => void
  clearClipboardView: () => void
}

const NOTE_MS = 10_000
// A holding event and the copy's answer describe the same copy when their deadlines are this close.
const SAME_COPY_MS = 2_000

export const copyingId = (id: string, field: KeyField) => `${id}:${field}`

function holding(keyId: string, field: KeyField, seconds: number): HoldingView {
  return { kind: 'holding', keyId, field, seconds, deadline: Date.now() + seconds * 1000 }
}

export const createClipboardSlice =
  (api: KeyholdClient): SliceCreator<ClipboardSlice> =>
  (set, get) => {
  let noteTimer: ReturnType<typeof setTimeout> | undefined
  function show(view: ClipboardView | null) {
    clearTimeout(noteTimer)
    set({ clipboard: view })
    if (view?.kind === 'cleared') {
      noteTimer = setTimeout(() => {
        if (get().clipboard === view) set({ clipboard: null })
      }, NOTE_MS)
    }
  }

  return {
    clipboard: null,
    clipboardConcealed: null,
    copyError: null,
    copying: new Set(),

    async copyKey(id, field) {
      const busy = copyingId(id, field)
      if (get().copying.has(busy)) return
      set((s) => ({ copying: new Set(s.copying).add(busy), copyError: null }))
      try {
        const result = await api.call('keyhold:keys.copy', { id, field })
        if (get().vault?.state !== 'unlocked') return
        // Each copy restarts core's timer, so the countdown restarts with it.
        show(holding(result.keyId, result.field, result.clearAfterSeconds))
        set({ clipboardConcealed: result.concealed })
        get().announce(copiedAnnouncement(result.clearAfterSeconds))
      } catch (err) {
        const message = errorOf(err).message
        set({ copyError: { keyId: id, field, message } })
        get().announce(`Not copied. ${message}`)
      } finally {
        set((s) => {
          const copying = new Set(s.copying)
          copying.delete(busy)
          return { copying }
        })
      }
    },

    clipboardChanged(state) {
      if (get().vault?.state !== 'unlocked') return
      const current = get().clipboard
      if (state.state === 'holding') {
        const next = holding(state.keyId, state.field, state.clearAfterSeconds)
        const same =
          current?.kind === 'holding' &&
          current.keyId === next.keyId &&
          current.field === next.field &&
          Math.abs(current.deadline - next.deadline) < SAME_COPY_MS
        if (!same) show(next)
        return
      }
      switch (state.reason) {
        case 'timeout':
        case 'replaced':
          if (current?.kind !== 'holding') return
          show({ kind: 'cleared', keyId: current.keyId, field: current.field, reason: state.reason })
          // "Replaced" means the person copied something else, which Keyhold left alone: nothing to say.
          if (state.reason === 'timeout') get().announce(CLIPBOARD_CLEARED)
          return
        case 'lock':
        case 'quit':
          show(null)
          return
        default: {
          const unknown: never = state.reason
          return unknown
        }
      }
    },

    dismissCopyError: () => set({ copyError: null }),

    clearClipboardView() {
      show(null)
      set({ copyError: null, copying: new Set() })
    },
  }
}
