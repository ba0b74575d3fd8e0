import { describe, expect, it } from 'vitest'
import { RequestLimiter } from '../../../electron/core/checks/limiter'
import { cleanProviderText } from '../../../electron/core/checks/provider-text'
import { emptyCounts, summarize } from '../../../electron/core/checks/outcome-counts'
import { MAX_RETRY_AFTER_MS, retryAfterMs } from '../../../electron/core/checks/retry-after'

describe('Retry-After', () => {
  const now = Date.parse('2026-11-24T10:00:00Z')
  it.each([
    ['seconds', '3', 3000],
    ['zero', '0', 0],
    ['an HTTP date 5 s ahead', 'Tue, 24 Nov 2026 10:00:05 GMT', 5000],
    ['a date in the past', 'Tue, 24 Nov 2026 09:00:00 GMT', 0],
    ['more than a minute', '3600', MAX_RETRY_AFTER_MS],
    ['a date an hour ahead', 'Tue, 24 Nov 2026 11:00:00 GMT', MAX_RETRY_AFTER_MS],
    ['garbage', 'soon', 1000],
    ['nothing', null, 1000],
  ])('reads %s', (_label, header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected)
  })
})

describe('request limiter', () => {
  it('keeps at most 4 in flight per host and 16 overall, and starts waiters as slots free', async () => {
    const limiter = new RequestLimiter(4, 16)
    const inFlight = new Map<string, number>()
    let overall = 0
    let maxOverall = 0
    const maxPerHost = new Map<string, number>()
    const releases: (() => void)[] = []
    const tasks = Array.from({ length: 60 }, (_, i) => {
      const host = `h${Math.floor(i / 12)}`
      return limiter.run(host, async () => {
        overall++
        inFlight.set(host, (inFlight.get(host) ?? 0) + 1)
        maxOverall = Math.max(maxOverall, overall)
        maxPerHost.set(host, Math.max(maxPerHost.get(host) ?? 0, inFlight.get(host) ?? 0))
        await new Promise<void>((resolve) => releases.push(resolve))
        overall--
        inFlight.set(host, (inFlight.get(host) ?? 1) - 1)
      })
    })
    // Release one at a time until everything has run.
    let finished = 0
    void Promise.all(tasks).then(() => (finished = 60))
    while (finished < 60) {
      await new Promise((r) => setImmediate(r))
      releases.shift()?.()
    }
    expect(maxOverall).toBe(16)
    expect(Math.max(...maxPerHost.values())).toBe(4)
  })

  it('lets one slow host not block the others', async () => {
    const limiter = new RequestLimiter(1, 16)
    let release: () => void = () => undefined
    const slow = limiter.run('slow', () => new Promise<void>((r) => (release = r)))
    const queued = limiter.run('slow', async () => 'second slow')
    expect(await limiter.run('fast', async () => 'fast done')).toBe('fast done')
    release()
    await slow
    expect(await queued).toBe('second slow')
  })
})

describe('check-all summary', () => {
  it('says what happened, in words, only for outcomes that occurred', () => {
    const counts = { ...emptyCounts(), valid: 12, invalid: 2, unknown: 1 }
    expect(summarize(counts)).toBe('12 work, 2 rejected, 1 could not be checked')
    expect(summarize({ ...emptyCounts(), valid: 1, misconfigured: 2 })).toBe('1 works, 2 need their settings fixed')
    expect(summarize(emptyCounts())).toBe('No keys to check')
  })
})

describe('provider text', () => {
  it('keeps printable text, reads line breaks as spaces, and drops controls, bidi, zero-width and BOM', () => {
    expect(cleanProviderText('a\u202eb\u2066c\u2069\u200bd\ufeffe\u0000f\u009fg\u200fh\u061ci', 500)).toBe('abcdefghi')
    expect(cleanProviderText('line one\r\nline\ttwo', 500)).toBe('line one line two')
    expect(cleanProviderText('\u202e\u0007  ', 500)).toBeNull()
    expect(cleanProviderText(null, 500)).toBeNull()
    expect(cleanProviderText('Ünïcödé ✓ 日本', 500)).toBe('Ünïcödé ✓ 日本')
  })

  it('caps at the limit with "…", never splitting a surrogate pair', () => {
    expect(cleanProviderText('x'.repeat(600), 500)).toBe(`${'x'.repeat(499)}…`)
    expect(cleanProviderText('x'.repeat(500), 500)).toBe('x'.repeat(500))
    const cut = cleanProviderText(`${'x'.repeat(498)}😀😀`, 500) ?? ''
    expect(cut).toBe(`${'x'.repeat(498)}…`)
    expect(cut.length).toBeLessThanOrEqual(500)
  })
})
