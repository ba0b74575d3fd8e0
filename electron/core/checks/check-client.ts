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

const MAX_WAITED_RETRIES = 2

/**
 * An answer that asks to be retried later: a 429, or a 503 that says when (Retry-After). A 503
 * without it gets the plain one retry of any 5xx instead.
 */
function retryAfterHeader(result: Attempt): string | null | undefined {
  if (result.kind !== 'response') return undefined
  if (result.status === 429) return result.headers.get('retry-after')
  if (result.status === 503) return result.headers.get('retry-after') ?? undefined
  return undefined
}

/**
 * Sends one check with the retry rules of DESIGN.md: one retry after a 5xx or a timeout; after a
 * 429, or a 503 with Retry-After, wait as Retry-After says (≤ 60 s) and try again, at most twice;
 * never retry 401/403. The limiter slot is held only while a request is in flight, never while waiting.
 */
export async function sendCheck(
  options: CheckClientOptions,
  request: { url: string; headers: Readonly<Record<string, string>>; host: string },
  signal?: AbortSignal,
): Promise<Attempt> {
  let transientRetries = 0
  let waitedRetries = 0
  for (;;) {
    const result = await options.limiter.run(request.host, () =>
      attempt(options.fetch, { url: request.url, headers: request.headers, timeoutMs: options.timeoutMs, signal }),
    )
    const retryAfter = retryAfterHeader(result)
    if (retryAfter !== undefined) {
      // The provider said when: never sooner, and never more than the waited retries allow.
      if (waitedRetries >= MAX_WAITED_RETRIES) return result
      waitedRetries++
      await options.sleep(retryAfterMs(retryAfter), signal)
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
