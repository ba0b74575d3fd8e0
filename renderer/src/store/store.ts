import { create } from 'zustand'
import { createKeysSlice, type KeysSlice } from './keys-slice'
import { createUiSlice, type UiSlice } from './ui-slice'
import { createVaultSlice, type VaultSlice } from './vault-slice'

export type Store = VaultSlice & KeysSlice & UiSlice

/**
 * The window's state, in slices. It never holds a secret: the add and edit forms keep the key
 * being typed in their own component state and drop it once it is sent to core.
 */
export const useStore = create<Store>()((...a) => ({
  ...createVaultSlice(...a),
  ...createKeysSlice(...a),
  ...createUiSlice(...a),
}))
