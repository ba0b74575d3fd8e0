import { OUTCOME_SENTENCES } from '../../shared/checks'
import type { ProviderCheck } from './provider-check'
import { parseStatusRanges } from '../../shared/validation/field-schemas'
import { basicAuth, checkUrl, looksLikeHtml, parseJson, tooLarge } from './profile'

/** What a status could mean on an API nobody has described to Keyhold yet. */
function statusDetail(status: number): string {
  if (status === 403) return 'HTTP 403: the key may lack permission, or be refused — this API has not said which.'
  if (status === 404 || status === 400 || status === 405) return `HTTP ${status}: the address may be wrong, or the key may lack access — this API has not said which.`
  return `HTTP ${status}: this API has not said what this answer means.`
}

/**
 * An API the user names, and (like TruffleHog's custom detectors) which statuses mean "works" and
 * "rejected". Left empty, only the near-universal ones count: 401 is rejected, a 2xx that is not a
 * web page works. Every other answer is unknown — never rejected.
 */
export type CustomDetails = {
  readonly provider: string
  readonly baseUrl: string
  readonly auth:
    | { readonly kind: 'bearer' }
    | { readonly kind: 'header'; readonly headerName: string }
    | { readonly kind: 'basic'; readonly username: string }
  /** Absent on keys saved before these could be said. */
  readonly check?: { readonly path?: string; readonly works?: string; readonly rejected?: string }
}

const inRanges = (status: number, text: string | undefined, fallback: [number, number][]) =>
  (text ? (parseStatusRanges(text) ?? fallback) : fallback).some(([from, to]) => status >= from && status <= to)

export const customProfile: ProviderCheck<CustomDetails> = {
  // Any address no other provider claimed: the API's base URL, sent as a bearer token to start with.
  recogniseImport: ({ url }) => (url ? { provider: 'custom', baseUrl: apiAddressOf(url), auth: { kind: 'bearer' } } : undefined),
  id: 'custom',

  request(details, secret) {
    const { baseUrl, auth } = details
    const url = checkUrl(baseUrl, details.check?.path ?? '')
    const header: Record<string, string> =
      auth.kind === 'header'
        ? { [auth.headerName]: secret }
        : auth.kind === 'basic'
          ? { Authorization: basicAuth(auth.username, secret) }
          : { Authorization: `Bearer ${secret}` }
    return { url: url.toString(), headers: { ...header, Accept: 'application/json' } }
  },

  classify(response, details) {
    const requestId = response.headers.get('x-request-id')
    if (response.truncated) return tooLarge(response, requestId)
    const { status } = response
    // The rejected statuses are read first: a narrow "rejected" inside a wide "works" range still counts.
    if (inRanges(status, details.check?.rejected, [[401, 401]])) return { outcome: 'invalid', detail: `HTTP ${status}`, requestId }
    if (inRanges(status, details.check?.works, [[200, 299]])) {
      if (looksLikeHtml(response)) return { outcome: 'unknown', detail: 'The address answered with a web page, not an API response.', requestId }
      // A body that says it is JSON and is not cannot be an API's answer (a broken proxy, a stray server).
      const claimsJson = /\bjson\b/i.test(response.headers.get('content-type') ?? '')
      if (claimsJson && response.body.trim() !== '' && parseJson(response.body) === undefined) {
        return { outcome: 'unknown', detail: 'The answer said it was JSON but could not be read as JSON.', requestId }
      }
      return { outcome: 'valid', detail: null, requestId }
    }
    return { outcome: 'unknown', detail: statusDetail(status), requestId }
  },

  sentence(outcome) {
    return OUTCOME_SENTENCES[outcome]
  },
}

/** The API's address as a base URL: no credentials, query or fragment (the url rule refuses them). */
function apiAddressOf(url: URL): string {
  const clean = new URL(url.href)
  clean.username = ''
  clean.password = ''
  clean.search = ''
  clean.hash = ''
  const text = clean.href
  return clean.pathname === '/' ? text.slice(0, -1) : text
}
