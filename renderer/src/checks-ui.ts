import { formatDate, formatDateTime } from './dates'
import { OUTCOME_LABELS, OUTCOMES, type Outcome, type OutcomeCounts } from '../../electron/shared/checks'

/** What the window says about checks, beyond shared's outcome labels and sentences. */
export const OUTCOME_ORDER: readonly Outcome[] = OUTCOMES

export const NEVER_CHECKED = 'Not checked yet'

export const EMPTY_COUNTS: OutcomeCounts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>

/** What a list can be narrowed to by its last check, besides the search (the sidebar picks the list). */
export type OutcomeFilter = 'all' | 'unchecked' | Outcome

export const FILTER_LABELS: Readonly<Record<OutcomeFilter, string>> = {
  all: 'Any outcome',
  ...OUTCOME_LABELS,
  unchecked: NEVER_CHECKED,
}

export const FILTER_ORDER: readonly OutcomeFilter[] = ['all', ...OUTCOME_ORDER, 'unchecked']

const MINUTE = 60_000

/** "just now", "3 min ago", "2 hours ago", "yesterday", "12 days ago", "on 3 Mar 2025". */
export function relativeTime(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / MINUTE)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`
  const days = Math.floor(hours / 24)
  if (days === 1) return 'yesterday'
  if (days < 30) return `${days} days ago`
  return `on ${formatDate(at)}`
}

export function exactTime(at: number): string {
  return formatDateTime(at)
}

/** How a finished "check all" reads, on screen and in the live region. */
export function runResultText(r: { cancelled: boolean; done: number; total: number; summary: string }): string {
  if (r.cancelled) return r.done > 0 ? `Cancelled after ${r.done} of ${r.total}: ${r.summary}.` : `Cancelled after ${r.done} of ${r.total}.`
  return `Check all finished: ${r.summary}.`
}
