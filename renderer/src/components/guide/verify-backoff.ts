/**
 * How long to wait before checking an old key again while its revocation has not shown yet: a
 * provider may take a while to refuse a deleted key everywhere, and asking often would be rude
 * (and, for a rate-limited API, self-defeating). Doubles from 5 s, never more than 5 minutes.
 */
export function nextVerifyDelayMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt), 300_000)
}
