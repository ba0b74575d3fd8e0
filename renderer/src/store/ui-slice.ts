import type { StateCreator } from 'zustand'
import type { Store } from './store'

export type DialogName = 'add' | 'edit' | 'changePassword' | 'delete'

export interface UiSlice {
  dialog: DialogName | null
  /** The latest status sentence, read out by the live region. */
  announcement: { text: string; at: number } | null
  openDialog: (dialog: DialogName) => void
  closeDialog: () => void
  announce: (text: string) => void
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  dialog: null,
  announcement: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  announce: (text) => set({ announcement: { text, at: Date.now() } }),
})
