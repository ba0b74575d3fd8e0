/** What one HTTP attempt came to, before any provider's rules are applied. */
export type Attempt =
  | {
      readonly kind: 'response'
      readonly status: number
      readonly headers: Headers
      readonly body: string
      /** The body was longer than the limit and was cut there. */
      readonly truncated: boolean
      readonly latencyMs: number
    }
  | { readonly kind: 'timeout' | 'redirect' | 'network' | 'tls' | 'aborted'; readonly latencyMs: number }

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export const MAX_BODY_BYTES = 1024 * 1024

export interface AttemptRequest {
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly timeoutMs: number
  readonly signal?: AbortSignal | undefined
}

/**
 * One GET, by the rules of DESIGN.md: redirects are an error (a credential must never follow a
 * redirect to another host), a timeout per attempt, and at most 1 MiB of body read.
 */
export async function attempt(fetchImpl: FetchLike, req: AttemptRequest): Promise<Attempt> {
  const started = performance.now()
  const latency = () => Math.round(performance.now() - started)
  const timeout = AbortSignal.timeout(req.timeoutMs)
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout
  let response: Response
  try {
    response = await fetchImpl(req.url, { method: 'GET', headers: req.headers, redirect: 'error', signal, cache: 'no-store' })
  } catch (err) {
    return { kind: failureKind(err, timeout, req.signal), latencyMs: latency() }
  }
  // Node answers a 3xx with redirect:'error' by rejecting; a fetch that returns one anyway
  // (Electron's net.fetch on some versions) is treated the same.
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => undefined)
    return { kind: 'redirect', latencyMs: latency() }
  }
  try {
    const { text, truncated } = await readLimited(response, MAX_BODY_BYTES)
    return { kind: 'response', status: response.status, headers: response.headers, body: text, truncated, latencyMs: latency() }
  } catch (err) {
    return { kind: failureKind(err, timeout, req.signal), latencyMs: latency() }
  }
}

async function readLimited(response: Response, limit: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    const room = limit - size
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, room))
      await reader.cancel()
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true }
    }
    chunks.push(value)
    size += value.byteLength
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false }
}

function failureKind(err: unknown, timeout: AbortSignal, caller: AbortSignal | undefined): 'timeout' | 'redirect' | 'network' | 'tls' | 'aborted' {
  if (caller?.aborted) return 'aborted'
  if (timeout.aborted) return 'timeout'
  const text = describe(err)
  if (/redirect/i.test(text)) return 'redirect'
  if (/certificate|SSL|TLS|self[- ]signed|CERT_/i.test(text)) return 'tls'
  return 'network'
}

function describe(err: unknown): string {
  const parts: string[] = []
  let current: unknown = err
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof Error) {
      parts.push(current.message, String((current as { code?: unknown }).code ?? ''))
      current = current.cause
    } else {
      parts.push(String(current))
      break
    }
  }
  return parts.join(' ')
}
