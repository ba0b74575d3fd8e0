import type { Outcome } from '../../electron/shared/checks'
import type { KeyListEntry, LastCheck } from '../../electron/shared/dto'

/**
 * The lists the sidebar offers. Revoked keys are an archive: only "Revoked" shows them, and no
 * other list counts them. Providers and tags are the ones the keys have, never a fixed set.
 */
export type ListView =
  | { readonly kind: 'all' }
  | { readonly kind: 'attention' }
  | { readonly kind: 'provider'; readonly provider: string }
  | { readonly kind: 'tag'; readonly tag: string }
  | { readonly kind: 'revoked' }

export const ALL_KEYS: ListView = { kind: 'all' }
export const NEEDS_ATTENTION: ListView = { kind: 'attention' }
export const REVOKED: ListView = { kind: 'revoked' }

export const sameView = (a: ListView, b: ListView) => viewKey(a) === viewKey(b)
export function viewKey(view: ListView): string {
  switch (view.kind) {
    case 'provider':
      return `provider:${view.provider}`
    case 'tag':
      return `tag:${view.tag}`
    default:
      return view.kind
  }
}

const DAY_MS = 86_400_000
/** A key nobody has checked for this long may have stopped working unnoticed. */
export const STALE_AFTER_DAYS = 30

export type LiveEntry = Extract<KeyListEntry, { damaged?: false }>

/** What the rules are measured against: the moment, and the reminder window once settings are read. */
export interface AttentionClock {
  readonly now: number
  /** Days before its date that a key counts as expiring; null until the settings are loaded. */
  readonly warnDays: number | null
}

/** Today as core dates expiries (YYYY-MM-DD, UTC), so the window and core agree on the day. */
export const isoToday = (now: number) => new Date(now).toISOString().slice(0, 10)

function daysUntil(isoDay: string, now: number): number {
  return Math.round((Date.parse(`${isoDay}T00:00:00Z`) - Date.parse(`${isoToday(now)}T00:00:00Z`)) / DAY_MS)
}

/** Past its expiry date: expired at once, whatever a check last said (a key works to the end of its day). */
export function isExpiredByDate(entry: { readonly expiresOn: string | null }, now: number): boolean {
  return entry.expiresOn !== null && entry.expiresOn < isoToday(now)
}

export type AttentionReason = 'expired' | 'expiring' | 'rejected' | 'blocked' | 'stale'

/** Why a key needs the person's attention, or null when it does not. */
export function attentionReason(entry: LiveEntry, clock: AttentionClock): AttentionReason | null {
  if (entry.revokedAt !== null) return null
  if (isExpiredByDate(entry, clock.now) || entry.lastCheck?.outcome === 'expired') return 'expired'
  if (entry.expiresOn !== null && clock.warnDays !== null && daysUntil(entry.expiresOn, clock.now) <= clock.warnDays) return 'expiring'
  if (entry.lastCheck?.outcome === 'invalid') return 'rejected'
  if (entry.lastCheck?.outcome === 'blocked') return 'blocked'
  // Only a key that can be checked can go unchecked; a new key gets the same grace as a checked one.
  const since = entry.lastCheck?.at ?? entry.createdAt
  if (entry.hasSecret && clock.now - since > STALE_AFTER_DAYS * DAY_MS) return 'stale'
  return null
}

/**
 * The check a row shows: the last one, or — once the key is past its date — "Expired" from the
 * date alone, dated by the expiry itself (`at` null) until a check says more.
 */
export interface ShownCheck {
  readonly outcome: Outcome
  readonly at: number | null
  readonly sentence: string | null
}

export function shownCheck(entry: { readonly expiresOn: string | null; readonly lastCheck: LastCheck | null }, now: number): ShownCheck | null {
  const last = entry.lastCheck
  if (isExpiredByDate(entry, now) && last?.outcome !== 'expired') return { outcome: 'expired', at: null, sentence: null }
  return last ? { outcome: last.outcome, at: last.at, sentence: last.sentence } : null
}

const isLive = (e: KeyListEntry): e is LiveEntry => !e.damaged

/** Whether a key belongs to a list (the outcome filter and the search narrow it further). */
export function inView(entry: KeyListEntry, view: ListView, clock: AttentionClock): boolean {
  const revoked = isLive(entry) && entry.revokedAt !== null
  if (view.kind === 'revoked' || revoked) return view.kind === 'revoked' && revoked
  if (view.kind === 'all') return true
  if (!isLive(entry)) return false
  switch (view.kind) {
    case 'attention':
      return attentionReason(entry, clock) !== null
    case 'provider':
      return entry.provider === view.provider
    case 'tag':
      return entry.tags.includes(view.tag)
  }
}

export interface ViewCounts {
  readonly all: number
  readonly attention: number
  readonly revoked: number
  /** Each provider with a key in use, in the order given (the registry's). */
  readonly providers: readonly { readonly provider: string; readonly count: number }[]
  /** Each tag of a key in use, alphabetically. */
  readonly tags: readonly { readonly tag: string; readonly count: number }[]
}

/** How many keys each list holds, in one pass. */
export function countViews(entries: readonly KeyListEntry[], providerOrder: readonly string[], clock: AttentionClock): ViewCounts {
  let all = 0
  let attention = 0
  let revoked = 0
  const providers = new Map<string, number>()
  const tags = new Map<string, number>()
  for (const e of entries) {
    if (isLive(e) && e.revokedAt !== null) {
      revoked++
      continue
    }
    all++
    if (!isLive(e)) continue
    if (attentionReason(e, clock) !== null) attention++
    providers.set(e.provider, (providers.get(e.provider) ?? 0) + 1)
    for (const t of e.tags) tags.set(t, (tags.get(t) ?? 0) + 1)
  }
  const rank = (p: string) => {
    const i = providerOrder.indexOf(p)
    return i < 0 ? providerOrder.length : i
  }
  return {
    all,
    attention,
    revoked,
    providers: [...providers].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([provider, count]) => ({ provider, count })),
    tags: [...tags].sort(([a], [b]) => a.localeCompare(b)).map(([tag, count]) => ({ tag, count })),
  }
}
