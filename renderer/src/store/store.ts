import { create } from 'zustand'
import { createChecksSlice, type ChecksSlice } from './checks-slice'
import { createClipboardSlice, type ClipboardSlice } from './clipboard-slice'
import { createKeysSlice, type KeysSlice } from './keys-slice'
import { createSettingsSlice, type SettingsSlice } from './settings-slice'
import { createUiSlice, type UiSlice } from './ui-slice'
import { createVaultSlice, type VaultSlice } from './vault-slice'

export type Store = VaultSlice & KeysSlice & ChecksSlice & ClipboardSlice & SettingsSlice & UiSlice

/**
 * The window's state, in slices. It never holds a secret: the add and edit forms keep the key
 * being typed in their own component state and drop it once it is sent to core; a revealed value
 * lives only in the component that shows it, for its 20 s; the clipboard slice knows which key was
 * copied, never what; checks and settings carry none.
 */
export const useStore = create<Store>()((...a) => ({
  ...createVaultSlice(...a),
  ...createKeysSlice(...a),
  ...createChecksSlice(...a),
  ...createClipboardSlice(...a),
  ...createSettingsSlice(...a),
  ...createUiSlice(...a),
}))
