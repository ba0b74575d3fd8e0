export const MAX_RETRY_AFTER_MS = 60_000

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), capped at 60 s; 1 s if absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number {
  if (header === null || header.trim() === '') return 1000
  const value = header.trim()
  let ms: number
  if (/^\d+$/.test(value)) ms = Number(value) * 1000
  else {
    const at = Date.parse(value)
    ms = Number.isNaN(at) ? 1000 : at - now
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS)
}
