import type { KeyListEntry } from '../../../electron/shared/dto'
import type { OutcomeFilter } from '../checks-ui'
import type { Store } from './store'

export const selectVaultState = (s: Store) => s.vault?.state ?? null
export const selectConnectionError = (s: Store) => s.connectionError
export const selectQuery = (s: Store) => s.query
export const selectSelectedId = (s: Store) => s.selectedId
export const selectDetail = (s: Store) => s.detail
export const selectDialog = (s: Store) => s.dialog
export const selectAnnouncement = (s: Store) => s.announcement
export const selectKeyCount = (s: Store) => s.entries.length
export const selectNow = (s: Store) => s.now
export const selectOutcomeFilter = (s: Store) => s.outcomeFilter
export const selectCheckRun = (s: Store) => s.run
export const selectLastRun = (s: Store) => s.lastRun
export const selectSettings = (s: Store) => s.settings
export const selectProviders = (s: Store) => s.providers
export const selectClipboard = (s: Store) => s.clipboard
export const selectClipboardConcealed = (s: Store) => s.clipboardConcealed
export const selectCopyError = (s: Store) => s.copyError
export const selectIsChecking = (id: string) => (s: Store) => s.checking.has(id)
export const selectMatchedQuery = (s: Store) => s.matchedQuery

// Memoized per entries array: zustand runs every subscribed selector on every change, and a scan
// of 10,000 entries each time was the largest cost while typing a search.
const indexes = new WeakMap<Store['entries'], ReadonlyMap<string, Store['entries'][number]>>()
export function selectSelectedEntry(s: Store): Store['entries'][number] | undefined {
  if (s.selectedId === null) return undefined
  let index = indexes.get(s.entries)
  if (!index) {
    index = new Map(s.entries.map((e) => [e.id, e]))
    indexes.set(s.entries, index)
  }
  return index.get(s.selectedId)
}
/** The selected key's history, never another key's that is still on screen. */
export const selectSelectedHistory = (s: Store) => (s.history && s.history.keyId === s.selectedId ? s.history : null)

/** Revoked keys are an archive: shown under "Revoked" only, and only there. */
function passes(entry: KeyListEntry, filter: OutcomeFilter): boolean {
  const revoked = !entry.damaged && entry.revokedAt !== null
  if (filter === 'revoked' || revoked) return filter === 'revoked' && revoked
  if (filter === 'all') return true
  if (entry.damaged) return false
  return filter === 'unchecked' ? entry.lastCheck === null : entry.lastCheck?.outcome === filter
}

// Memoized on the three inputs so the list component re-renders only when they change.
interface Visible {
  readonly matches: ReadonlySet<string> | null
  readonly filter: OutcomeFilter
  readonly visible: readonly KeyListEntry[]
}
const visibleCache = new WeakMap<readonly KeyListEntry[], Visible>()
export function selectVisibleEntries(s: Store): readonly KeyListEntry[] {
  const { entries, matches, outcomeFilter } = s
  const cached = visibleCache.get(entries)
  if (cached && cached.matches === matches && cached.filter === outcomeFilter) return cached.visible
  const visible = entries.filter((e) => (!matches || matches.has(e.id)) && passes(e, outcomeFilter))
  visibleCache.set(entries, { matches, filter: outcomeFilter, visible })
  return visible
}

/** True when a search or a filter narrows the list, so "Check all" checks what is shown. */
export const selectIsNarrowed = (s: Store) => s.matches !== null || s.outcomeFilter !== 'all'

/** What "Check all" sends: the shown keys that can be checked, or undefined for every key. */
export function checkAllTargets(s: Store): readonly string[] | undefined {
  if (!selectIsNarrowed(s)) return undefined
  return selectVisibleEntries(s).flatMap((e) => (!e.damaged && e.hasSecret ? [e.id] : []))
}
