import type { SliceCreator } from './slice'

export type DialogName = 'add' | 'edit' | 'changePassword' | 'delete' | 'settings' | 'rotate'

export interface UiSlice {
  dialog: DialogName | null
  /** The latest status sentence, read out by the live region. */
  announcement: { text: string; at: number } | null
  /** The time "checked 3 min ago" is measured from; moves on once a minute. */
  now: number
  openDialog: (dialog: DialogName) => void
  closeDialog: () => void
  announce: (text: string) => void
  tick: () => void
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  dialog: null,
  announcement: null,
  now: Date.now(),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  announce: (text) => set({ announcement: { text, at: Date.now() } }),
  tick: () => set({ now: Date.now() }),
})
