import { attempt, type Attempt, type FetchLike } from './http-attempt'
import type { RequestLimiter } from './limiter'
import { retryAfterMs } from './retry-after'

export interface CheckClientOptions {
  readonly fetch: FetchLike
  readonly limiter: RequestLimiter
  readonly timeoutMs: number
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** A pause that ends early (rejecting) when the run is cancelled. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

const MAX_429_RETRIES = 2

/**
 * Sends one check with the retry rules of DESIGN.md: one retry after a 5xx or a timeout; after a
 * 429, wait as Retry-After says (≤ 60 s) and try again, at most twice; never retry 401/403.
 * The limiter slot is held only while a request is in flight, never while waiting out a 429.
 */
export async function sendCheck(
  options: CheckClientOptions,
  request: { url: string; headers: Readonly<Record<string, string>>; host: string },
  signal?: AbortSignal,
): Promise<Attempt> {
  let transientRetries = 0
  let rateLimitRetries = 0
  for (;;) {
    const result = await options.limiter.run(request.host, () =>
      attempt(options.fetch, { url: request.url, headers: request.headers, timeoutMs: options.timeoutMs, signal }),
    )
    if (result.kind === 'response' && result.status === 429 && rateLimitRetries < MAX_429_RETRIES) {
      rateLimitRetries++
      await options.sleep(retryAfterMs(result.headers.get('retry-after')), signal)
      continue
    }
    const transient = (result.kind === 'response' && result.status >= 500) || result.kind === 'timeout'
    if (transient && transientRetries < 1) {
      transientRetries++
      continue
    }
    return result
  }
}
