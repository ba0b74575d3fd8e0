import { OUTCOMES, type Outcome, type OutcomeCounts } from '../../shared/checks'

export function emptyCounts(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>
}

const PHRASES: Readonly<Record<Outcome, [one: string, many: string]>> = {
  valid: ['works', 'work'],
  limited: ['works with limits', 'work with limits'],
  invalid: ['rejected', 'rejected'],
  expired: ['expired', 'expired'],
  blocked: ['could not be confirmed', 'could not be confirmed'],
  unknown: ['could not be checked', 'could not be checked'],
  misconfigured: ['needs its settings fixed', 'need their settings fixed'],
}

/** "12 work, 2 rejected, 1 could not be checked" — only the outcomes that occurred. */
export function summarize(counts: OutcomeCounts): string {
  const parts = OUTCOMES.filter((o) => counts[o] > 0).map((o) => `${counts[o]} ${PHRASES[o][counts[o] === 1 ? 0 : 1]}`)
  return parts.length ? parts.join(', ') : 'No keys to check'
}
