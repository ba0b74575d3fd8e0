import type { KeyListEntry } from '../../../electron/shared/dto'
import type { Store } from './store'

export const selectVaultState = (s: Store) => s.vault?.state ?? null
export const selectConnectionError = (s: Store) => s.connectionError
export const selectQuery = (s: Store) => s.query
export const selectSelectedId = (s: Store) => s.selectedId
export const selectDetail = (s: Store) => s.detail
export const selectDialog = (s: Store) => s.dialog
export const selectAnnouncement = (s: Store) => s.announcement
export const selectKeyCount = (s: Store) => s.entries.length

// Memoized on the two inputs so the list component re-renders only when they change.
let lastEntries: readonly KeyListEntry[] | undefined
let lastMatches: ReadonlySet<string> | null | undefined
let lastVisible: readonly KeyListEntry[] = []
export function selectVisibleEntries(s: Store): readonly KeyListEntry[] {
  if (s.entries !== lastEntries || s.matches !== lastMatches) {
    lastEntries = s.entries
    lastMatches = s.matches
    const matches = s.matches
    lastVisible = matches ? s.entries.filter((e) => matches.has(e.id)) : s.entries
  }
  return lastVisible
}
