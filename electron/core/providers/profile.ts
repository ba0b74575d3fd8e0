import type { Outcome } from '../../shared/checks'

/** Where and how one key is checked: the request carries the credential in a header, never the URL. */
export interface CheckTarget {
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
}

export interface ProviderResponse {
  readonly status: number
  readonly headers: Headers
  readonly body: string
  readonly truncated: boolean
}

export interface Classification {
  readonly outcome: Outcome
  readonly detail: string | null
  readonly requestId: string | null
}

/** A key that cannot be checked as configured (a wrong or unsafe address): `misconfigured`. */
export class CheckSetupError extends Error {}


const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Joins a configured base and a path. Keys go over HTTPS only; plain HTTP is allowed to this
 * machine alone (the provider sandboxes).
 */
export function checkUrl(base: string, path: string): URL {
  let url: URL
  try {
    url = new URL(base.replace(/\/+$/, '') + (path ? `/${path.replace(/^\/+/, '')}` : ''))
  } catch {
    throw new CheckSetupError('The provider address in settings is not a valid URL.')
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new CheckSetupError('Keyhold sends keys over HTTPS only.')
  }
  if (url.username || url.password) throw new CheckSetupError('The provider address must not contain a user name or password.')
  return url
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A string or number at `path`; an inherited name (`"constructor"`) reaches a function, so it is null too. */
export function stringField(value: unknown, ...path: string[]): string | null {
  let current: unknown = value
  for (const key of path) {
    if (!isRecord(current)) return null
    current = current[key]
  }
  return typeof current === 'string' || typeof current === 'number' ? String(current) : null
}

/**
 * A provider's code → outcome table, read by own entries only. A plain object lookup would answer
 * `"constructor"` or `"__proto__"` with whatever Object.prototype holds there (a function).
 */
export function codeTable(entries: readonly (readonly [string, Outcome])[]): (code: string | null) => Outcome | undefined {
  const table = new Map<string, Outcome>(entries)
  return (code) => (code === null ? undefined : table.get(code))
}

/**
 * What the generic rules say for a status the profile did not claim. Only 401 shows a refusal;
 * no bare status shows the key authenticated (so none is `valid` or `limited` here), and 400/405
 * show the request itself was wrong. A bare 404 is a wrong path for a profile whose provider has
 * not documented 404 as "no access" (ThreatSTOP has, and says so itself).
 */
export function genericOutcome(status: number): Outcome {
  if (status === 401) return 'invalid'
  if (status === 400 || status === 404 || status === 405) return 'misconfigured'
  return 'unknown'
}

/** Said of a bare 403: it neither shows the key authenticated nor that it was refused. */
export const BARE_403_DETAIL = 'HTTP 403 with no provider code: the key may lack permission, be refused, or be blocked on the way — it is not proof either way.'

/**
 * A body cut at the read limit: neither a body check nor an error code can be read from half an
 * answer, and a status alone would claim more than it shows, so it is `unknown` whatever the status.
 */
export function tooLarge(response: ProviderResponse, requestId: string | null): Classification {
  return { outcome: 'unknown', detail: `HTTP ${response.status}: the answer was too large to read.`, requestId }
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`
}

/** A 2xx whose body is a web page (a captive portal, a login screen) is not an API answer. */
export function looksLikeHtml(response: ProviderResponse): boolean {
  const type = response.headers.get('content-type') ?? ''
  return type.includes('text/html') || /^\s*<(!doctype|html)/i.test(response.body)
}
