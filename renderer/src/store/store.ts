import { createContext, createElement, useContext, type ReactNode } from 'react'
import { createStore, useStore as useZustand, type StoreApi } from 'zustand'
import type { KeyholdBridge } from '../../../electron/shared/contract'
import { createClient, type KeyholdClient } from '../api/client'
import { createChecksSlice, type ChecksSlice } from './checks-slice'
import { createClipboardSlice, type ClipboardSlice } from './clipboard-slice'
import { createKeysSlice, type KeysSlice } from './keys-slice'
import { isShown, selectSelectedEntry } from './selectors'
import { createProvidersSlice, type ProvidersSlice } from './providers-slice'
import { createSettingsSlice, type SettingsSlice } from './settings-slice'
import type { SliceCreator } from './slice'
import { createUiSlice, type UiSlice } from './ui-slice'
import { createVaultSlice, type VaultSlice } from './vault-slice'

export type Store = VaultSlice & KeysSlice & ChecksSlice & ClipboardSlice & SettingsSlice & ProvidersSlice & UiSlice

/** The window's store and the client it calls Keyhold with. */
export type KeyholdStore = StoreApi<Store> & { readonly api: KeyholdClient }

/**
 * Each slice gets a `set` that writes only its own fields: a slice that wants another's changed
 * calls that slice's action. Which fields a slice owns is what its creator returned.
 */
function ownedSet(slice: string, owned: () => ReadonlySet<string>, set: StoreApi<Store>['setState'], get: () => Store) {
  return (partial: Partial<Store> | ((s: Store) => Partial<Store>)) => {
    const next = typeof partial === 'function' ? partial(get()) : partial
    for (const key of Object.keys(next)) {
      if (!owned().has(key)) throw new Error(`The ${slice} slice wrote “${key}”, which another slice owns`)
    }
    set(next)
  }
}

/**
 * The window's state, in slices, one store per window (tests build one per test). It never holds
 * a secret: the add and edit forms keep the key being typed in their own component state and drop
 * it once it is sent to core; a revealed value lives only in the component that shows it; the
 * clipboard slice knows which key was copied, never what; checks, settings and providers carry none.
 */
export function createKeyholdStore(bridge: KeyholdBridge): KeyholdStore {
  const api = createClient(bridge)
  const slices: Record<string, SliceCreator<object>> = {
    vault: createVaultSlice(api),
    keys: createKeysSlice(api),
    checks: createChecksSlice(api),
    clipboard: createClipboardSlice(api),
    settings: createSettingsSlice(api),
    providers: createProvidersSlice(api),
    ui: createUiSlice,
  }
  const store = createStore<Store>()(combineSlices(slices))
  store.subscribe(closeWhatTheListHides)
  return Object.assign(store, { api })
}

/**
 * The detail follows the list: when the person changes the sidebar's list, the outcome filter or
 * the search so that the open key is no longer shown, it closes rather than staying open beside a
 * list without it. A key that leaves the list by what happens to it (a check, its revocation) stays
 * open until the list is changed: the person is still reading it, or a dialog about it is open.
 * A key not (yet) in the list at all is left to the next reload, which closes it if it is gone.
 */
function closeWhatTheListHides(s: Store, prev: Store): void {
  const narrowed = s.view !== prev.view || s.outcomeFilter !== prev.outcomeFilter || s.matches !== prev.matches
  if (narrowed && s.selectedId !== null && selectSelectedEntry(s) !== undefined && !isShown(s, s.selectedId)) void s.select(null)
}

/** The store's state from its slices, each holding a `set` limited to the fields it created. */
export function combineSlices(slices: Readonly<Record<string, SliceCreator<object>>>) {
  return (set: StoreApi<Store>['setState'], get: () => Store): Store => {
    const state: Record<string, unknown> = {}
    for (const [name, create] of Object.entries(slices)) {
      let owned: ReadonlySet<string> = new Set()
      const part = create(ownedSet(name, () => owned, set, get), get)
      owned = new Set(Object.keys(part))
      Object.assign(state, part)
    }
    return state as unknown as Store
  }
}

const StoreContext = createContext<KeyholdStore | null>(null)

export function KeyholdStoreProvider({ store, children }: { store: KeyholdStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children)
}

export function useKeyholdStore(): KeyholdStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useStore needs a KeyholdStoreProvider above it')
  return store
}

export function useStore<T>(selector: (s: Store) => T): T {
  return useZustand(useKeyholdStore(), selector)
}

/** The client, for the few components that call Keyhold themselves (reveal, paste, discard). */
export function useApi(): KeyholdClient {
  return useKeyholdStore().api
}
