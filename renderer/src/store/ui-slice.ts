import type { SliceCreator } from './slice'

export type DialogName = 'add' | 'edit' | 'changePassword' | 'delete' | 'settings' | 'rotate'

/** What the add-key wizard starts from when another flow opens it: a dedicated key for someone. */
export interface AddKeyPrefill {
  readonly provider: string
  readonly name: string
}

export interface UiSlice {
  dialog: DialogName | null
  /** Set with the add dialog by "a key of their own" in the Share dialog; cleared when any dialog closes. */
  addPrefill: AddKeyPrefill | null
  /** The latest status sentence, read out by the live region. */
  announcement: { text: string; at: number } | null
  /** The time "checked 3 min ago" is measured from; moves on once a minute. */
  now: number
  openDialog: (dialog: DialogName) => void
  /** Opens the add-key wizard for this provider with the name filled in. */
  openAddKeyFor: (prefill: AddKeyPrefill) => void
  closeDialog: () => void
  announce: (text: string) => void
  tick: () => void
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  dialog: null,
  addPrefill: null,
  announcement: null,
  now: Date.now(),
  openDialog: (dialog) => set({ dialog, addPrefill: null }),
  openAddKeyFor: (prefill) => set({ dialog: 'add', addPrefill: prefill }),
  closeDialog: () => set({ dialog: null, addPrefill: null }),
  announce: (text) => set({ announcement: { text, at: Date.now() } }),
  tick: () => set({ now: Date.now() }),
})
