import type { Outcome, OutcomeCounts } from '../../electron/shared/checks'
import type { ProviderSettings, SpreefloAuth } from '../../electron/shared/dto'

/**
 * What the window says about checks. The window may import shared only as types, so the words of
 * shared/checks.ts are repeated here in exhaustive records: an outcome added in shared fails the
 * typecheck here until it is named.
 */
export const OUTCOME_ORDER: readonly Outcome[] = ['valid', 'limited', 'invalid', 'expired', 'blocked', 'unknown', 'misconfigured']

/** Short labels for badges and filters (shared/checks.ts OUTCOME_LABELS). */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  valid: 'Works',
  limited: 'Limited',
  invalid: 'Rejected',
  expired: 'Expired',
  blocked: 'Blocked?',
  unknown: 'Couldn’t tell',
  misconfigured: 'Check settings',
}

export const NEVER_CHECKED = 'Not checked yet'

export const EMPTY_COUNTS: OutcomeCounts = { valid: 0, limited: 0, invalid: 0, expired: 0, blocked: 0, unknown: 0, misconfigured: 0 }

/** What the list can be narrowed to, besides the search. */
export type OutcomeFilter = 'all' | 'unchecked' | Outcome

export const FILTER_LABELS: Readonly<Record<OutcomeFilter, string>> = {
  all: 'All keys',
  ...OUTCOME_LABELS,
  unchecked: NEVER_CHECKED,
}

export const FILTER_ORDER: readonly OutcomeFilter[] = ['all', ...OUTCOME_ORDER, 'unchecked']

export const SPREEFLO_AUTH_LABELS: Readonly<Record<SpreefloAuth, string>> = {
  bearer: 'Authorization: Bearer header',
  'x-api-key': 'X-API-Key header',
  basic: 'HTTP Basic (user “keyhold”, the key as password)',
}

export const SETTINGS_LABELS: Readonly<Record<keyof ProviderSettings, string>> = {
  threadeoBaseUrl: 'Threadeo address template',
  threadeoCheckPath: 'Threadeo check path',
  threatstopBaseUrl: 'ThreatSTOP base URL',
  spreefloBaseUrl: 'Spreeflo base URL',
  spreefloCheckPath: 'Spreeflo check path',
  spreefloAuth: 'How the Spreeflo key is sent',
}

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
  return `on ${new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' })}`
}

export function exactTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
}

/** How a finished "check all" reads, on screen and in the live region. */
export function runResultText(r: { cancelled: boolean; done: number; total: number; summary: string }): string {
  if (r.cancelled) return r.done > 0 ? `Cancelled after ${r.done} of ${r.total}: ${r.summary}.` : `Cancelled after ${r.done} of ${r.total}.`
  return `Check all finished: ${r.summary}.`
}
