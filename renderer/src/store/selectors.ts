import type { KeyListEntry } from '../../../electron/shared/dto'
import type { OutcomeFilter } from '../checks-ui'
import { countViews, inView, isoToday, shownCheck, type AttentionClock, type ListView, type ViewCounts } from '../list-views'
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

/** What the attention rules are measured against: the minute's clock and the reminder window. */
export function selectClock(s: Store): AttentionClock {
  return { now: s.now, warnDays: s.settings?.reminders.warnDays ?? null }
}

function passesFilter(entry: KeyListEntry, filter: OutcomeFilter, now: number): boolean {
  if (filter === 'all') return true
  if (entry.damaged) return false
  // The outcome a row shows is the one it is filtered by: a key past its date is "Expired".
  const shown = shownCheck(entry, now)
  return filter === 'unchecked' ? shown === null : shown?.outcome === filter
}

// Memoized on its inputs so the list component re-renders only when they change; the clock counts
// only where the rules read it (attention by the minute, outcomes by the day).
interface Visible {
  readonly matches: ReadonlySet<string> | null
  readonly filter: OutcomeFilter
  readonly view: ListView
  readonly clock: string
  readonly visible: readonly KeyListEntry[]
  readonly ids: ReadonlySet<string>
}
const visibleCache = new WeakMap<readonly KeyListEntry[], Visible>()

function clockKey(s: Store): string {
  const clock = selectClock(s)
  if (s.view.kind === 'attention') return `${clock.now}/${clock.warnDays}`
  return s.outcomeFilter === 'all' ? '' : isoToday(clock.now)
}

function visibleOf(s: Store): Visible {
  const { entries, matches, outcomeFilter, view } = s
  const clock = clockKey(s)
  const cached = visibleCache.get(entries)
  if (cached && cached.matches === matches && cached.filter === outcomeFilter && cached.view === view && cached.clock === clock) return cached
  const c = selectClock(s)
  const visible = entries.filter((e) => (!matches || matches.has(e.id)) && inView(e, view, c) && passesFilter(e, outcomeFilter, c.now))
  const result: Visible = { matches, filter: outcomeFilter, view, clock, visible, ids: new Set(visible.map((e) => e.id)) }
  visibleCache.set(entries, result)
  return result
}

/** The keys of the chosen list, narrowed by the outcome filter and the search. */
export const selectVisibleEntries = (s: Store): readonly KeyListEntry[] => visibleOf(s).visible

/** Whether the list on screen holds this key. */
export const isShown = (s: Store, id: string): boolean => visibleOf(s).ids.has(id)

export const selectView = (s: Store) => s.view

// Counted per entries array and clock minute: the sidebar asks on every change of the store.
const countsCache = new WeakMap<readonly KeyListEntry[], { key: string; providers: Store['providers']; counts: ViewCounts }>()
/** How many keys each sidebar list holds (the search and the outcome filter do not change them). */
export function selectViewCounts(s: Store): ViewCounts {
  const clock = selectClock(s)
  const key = `${clock.now}/${clock.warnDays}`
  const cached = countsCache.get(s.entries)
  if (cached && cached.key === key && cached.providers === s.providers) return cached.counts
  const counts = countViews(s.entries, (s.providers ?? []).map((p) => p.id), clock)
  countsCache.set(s.entries, { key, providers: s.providers, counts })
  return counts
}

/** True when a search, a filter or a list other than All keys narrows what is shown, so "Check all" checks that. */
export const selectIsNarrowed = (s: Store) => s.matches !== null || s.outcomeFilter !== 'all' || s.view.kind !== 'all'

/** What "Check all" sends: the shown keys that can be checked, or undefined for every key. */
export function checkAllTargets(s: Store): readonly string[] | undefined {
  if (!selectIsNarrowed(s)) return undefined
  return selectVisibleEntries(s).flatMap((e) => (!e.damaged && e.hasSecret ? [e.id] : []))
}
