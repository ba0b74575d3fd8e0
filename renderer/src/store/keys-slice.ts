import type { KeyDetail, KeyListEntry, KeyUpdateInput, LastCheck, NewKeyInput, ShareRecorded } from '../../../electron/shared/dto'
import type { KeyholdClient } from '../api/client'
import { ALL_KEYS, REVOKED, sameView, type ListView } from '../list-views'
import { isShown } from './selectors'
import type { SliceCreator } from './slice'

export interface KeysSlice {
  entries: readonly KeyListEntry[]
  query: string
  /** Ids matching the query, in list order; null when there is no query. */
  matches: ReadonlySet<string> | null
  /** The query `matches` answers: differs from `query` while that search is on its way. */
  matchedQuery: string
  selectedId: string | null
  detail: KeyDetail | null
  /** The sidebar's list: all keys, what needs attention, a provider's, a tag's, or the revoked ones. */
  view: ListView
  setView: (view: ListView) => void
  /**
   * Makes a key about to be opened visible: when the list, the outcome filter or the search hides
   * it, they give way to the list that holds it (All keys, or Revoked), so what opens is in view.
   */
  bringIntoView: (id: string) => void
  loadKeys: () => Promise<void>
  search: (query: string) => Promise<void>
  select: (id: string | null) => Promise<void>
  addKey: (input: NewKeyInput) => Promise<KeyDetail>
  updateKey: (input: KeyUpdateInput) => Promise<KeyDetail>
  deleteKey: (id: string) => Promise<void>
  /** Records a share made in the provider's portal; the answer carries the warnings to show now. */
  recordShare: (id: string, recipient: string) => Promise<ShareRecorded>
  recordUnshare: (id: string, shareId: string) => Promise<ShareRecorded>
  /** A check of one key finished: its row and, if open, its detail show the new outcome. */
  recordLastCheck: (id: string, lastCheck: LastCheck) => void
  clearKeys: () => void
}

function withLastCheck<T extends KeyListEntry>(entry: T, id: string, lastCheck: LastCheck): T {
  return entry.id === id && !entry.damaged ? { ...entry, lastCheck } : entry
}

export const createKeysSlice =
  (api: KeyholdClient): SliceCreator<KeysSlice> =>
  (set, get) => {
    // Each keystroke starts a search; only the newest answer may land.
    let searchGeneration = 0

    function deselect() {
      set({ selectedId: null, detail: null })
      get().forgetHistory()
    }

    return {
      entries: [],
      query: '',
      matches: null,
      matchedQuery: '',
      selectedId: null,
      detail: null,
      view: ALL_KEYS,

      setView(view) {
        if (!sameView(view, get().view)) set({ view })
      },

      bringIntoView(id) {
        if (isShown(get(), id)) return
        const entry = get().entries.find((e) => e.id === id)
        const revoked = entry !== undefined && !entry.damaged && entry.revokedAt !== null
        set({ view: revoked ? REVOKED : ALL_KEYS })
        get().setOutcomeFilter('all')
        if (!isShown(get(), id)) void get().search('')
      },

      async loadKeys() {
        const entries = await api.call('keyhold:keys.list')
        set({ entries })
        const { query, selectedId } = get()
        if (query) await get().search(query)
        if (selectedId && !entries.some((e) => e.id === selectedId)) deselect()
      },

      async search(query) {
        const generation = ++searchGeneration
        set({ query })
        if (query.trim() === '') {
          set({ matches: null, matchedQuery: query })
          return
        }
        const { ids } = await api.call('keyhold:keys.search', { query })
        if (generation === searchGeneration) set({ matches: new Set(ids), matchedQuery: query })
      },

      async select(id) {
        if (id === null) return deselect()
        get().bringIntoView(id)
        set({ selectedId: id, detail: null })
        get().dismissCopyError()
        void get().loadHistory(id)
        try {
          const detail = await api.call('keyhold:keys.get', { id })
          if (get().selectedId === id) set({ detail })
        } catch (err) {
          get().announce(err instanceof Error ? err.message : 'That key could not be opened.')
        }
      },

      async addKey(input) {
        const added = await api.call('keyhold:keys.add', input)
        await get().loadKeys()
        get().bringIntoView(added.id)
        set({ selectedId: added.id, detail: added })
        // A key just added has never been checked: its history is known to be empty.
        get().historyIsEmpty(added.id)
        get().announce(`Added “${added.name}”.`)
        return added
      },

      async updateKey(input) {
        const updated = await api.call('keyhold:keys.update', input)
        await get().loadKeys()
        get().bringIntoView(updated.id)
        set({ selectedId: updated.id, detail: updated })
        get().announce(`Saved “${updated.name}”.`)
        return updated
      },

      async deleteKey(id) {
        const name = get().detail?.id === id ? get().detail?.name : undefined
        await api.call('keyhold:keys.delete', { id })
        deselect()
        await get().loadKeys()
        get().announce(name ? `Deleted “${name}”.` : 'Key deleted.')
      },

      async recordShare(id, recipient) {
        const recorded = await api.call('keyhold:keys.recordShare', { id, with: recipient })
        if (get().selectedId === id) set({ detail: recorded.key })
        get().announce(`Recorded as shared with ${recorded.share.with}.`)
        return recorded
      },

      async recordUnshare(id, shareId) {
        const recorded = await api.call('keyhold:keys.recordUnshare', { id, shareId })
        if (get().selectedId === id) set({ detail: recorded.key })
        get().announce(`Recorded as no longer shared with ${recorded.share.with}. The key still works until it is revoked.`)
        return recorded
      },

      recordLastCheck(id, lastCheck) {
        set((s) => ({
          entries: s.entries.map((e) => withLastCheck(e, id, lastCheck)),
          detail: s.detail ? withLastCheck(s.detail, id, lastCheck) : null,
        }))
      },

      clearKeys() {
        searchGeneration++
        set({ entries: [], query: '', matches: null, matchedQuery: '', selectedId: null, detail: null, view: ALL_KEYS })
      },
    }
  }
