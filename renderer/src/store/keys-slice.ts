import type { StateCreator } from 'zustand'
import type { KeyDetail, KeyListEntry, KeyUpdateInput, NewKeyInput } from '../../../electron/shared/dto'
import { call } from '../api/client'
import type { Store } from './store'

export interface KeysSlice {
  entries: readonly KeyListEntry[]
  query: string
  /** Ids matching the query, in list order; null when there is no query. */
  matches: ReadonlySet<string> | null
  /** The query `matches` answers: differs from `query` while that search is on its way. */
  matchedQuery: string
  selectedId: string | null
  detail: KeyDetail | null
  loadKeys: () => Promise<void>
  search: (query: string) => Promise<void>
  select: (id: string | null) => Promise<void>
  addKey: (input: NewKeyInput) => Promise<KeyDetail>
  updateKey: (input: KeyUpdateInput) => Promise<KeyDetail>
  deleteKey: (id: string) => Promise<void>
  clearKeys: () => void
}

// Each keystroke starts a search; only the newest answer may land.
let searchGeneration = 0

export const createKeysSlice: StateCreator<Store, [], [], KeysSlice> = (set, get) => ({
  entries: [],
  query: '',
  matches: null,
  matchedQuery: '',
  selectedId: null,
  detail: null,

  async loadKeys() {
    const entries = await call('keyhold:keys.list')
    set({ entries })
    const { query, selectedId } = get()
    if (query) await get().search(query)
    if (selectedId && !entries.some((e) => e.id === selectedId)) set({ selectedId: null, detail: null, history: null })
  },

  async search(query) {
    const generation = ++searchGeneration
    set({ query })
    if (query.trim() === '') {
      set({ matches: null, matchedQuery: query })
      return
    }
    const { ids } = await call('keyhold:keys.search', { query })
    if (generation === searchGeneration) set({ matches: new Set(ids), matchedQuery: query })
  },

  async select(id) {
    if (id === null) {
      set({ selectedId: null, detail: null, history: null })
      return
    }
    set({ selectedId: id, detail: null, copyError: null })
    void get().loadHistory(id)
    try {
      const detail = await call('keyhold:keys.get', { id })
      if (get().selectedId === id) set({ detail })
    } catch (err) {
      get().announce(err instanceof Error ? err.message : 'That key could not be opened.')
    }
  },

  async addKey(input) {
    const added = await call('keyhold:keys.add', input)
    await get().loadKeys()
    // A key just added has never been checked: its history is known to be empty.
    set({ selectedId: added.id, detail: added, history: { keyId: added.id, loading: false, records: [], error: null } })
    get().announce(`Added “${added.name}”.`)
    return added
  },

  async updateKey(input) {
    const updated = await call('keyhold:keys.update', input)
    await get().loadKeys()
    set({ selectedId: updated.id, detail: updated })
    get().announce(`Saved “${updated.name}”.`)
    return updated
  },

  async deleteKey(id) {
    const name = get().detail?.id === id ? get().detail?.name : undefined
    await call('keyhold:keys.delete', { id })
    set({ selectedId: null, detail: null, history: null })
    await get().loadKeys()
    get().announce(name ? `Deleted “${name}”.` : 'Key deleted.')
  },

  clearKeys() {
    searchGeneration++
    set({ entries: [], query: '', matches: null, matchedQuery: '', selectedId: null, detail: null, settings: null })
    get().clearChecks()
    get().clearClipboardView()
  },
})
