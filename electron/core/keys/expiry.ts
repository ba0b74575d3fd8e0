import type { ExpiryItem, ExpiryReport, KeyListEntry } from '../../shared/dto'

const DAY_MS = 86_400_000

/** Today's date as the store writes expiry dates: YYYY-MM-DD, in UTC, like the check runner. */
export function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10)
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/**
 * Which keys are past their expiry date and which fall due within `warnDays`, from the list alone:
 * no provider is asked, so the answer is there the moment the vault opens. A key expires at the end
 * of its date, so a key due today is expiring (0 days left), not expired.
 */
export function expiryReport(entries: readonly KeyListEntry[], now: number, warnDays: number): ExpiryReport {
  const today = isoDay(now)
  const expired: ExpiryItem[] = []
  const expiring: ExpiryItem[] = []
  for (const entry of entries) {
    // A revoked key needs no replacing reminder: it is already gone at the provider.
    if (entry.damaged || entry.expiresOn === null || entry.revokedAt !== null) continue
    const daysLeft = daysBetween(today, entry.expiresOn)
    const item = { id: entry.id, name: entry.name, provider: entry.provider, expiresOn: entry.expiresOn, daysLeft }
    if (daysLeft < 0) expired.push(item)
    else if (daysLeft <= warnDays) expiring.push(item)
  }
  const soonest = (a: ExpiryItem, b: ExpiryItem) => a.daysLeft - b.daysLeft || (a.name < b.name ? -1 : 1)
  return { today, warnDays, expired: expired.sort(soonest), expiring: expiring.sort(soonest) }
}
