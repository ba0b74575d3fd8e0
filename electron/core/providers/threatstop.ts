import { OUTCOME_SENTENCES } from '../../shared/checks'
import { threatstop } from '../../shared/providers/threatstop'
import { defaultRevocationVerdict, type ProviderCheck } from './provider-check'
import { checkUrl, codeTable, genericOutcome, isRecord, parseJson, stringField, tooLarge } from './profile'

// additional_info.error_code first (the public pages disagree on statuses): providers.md §1.
const codeOutcome = codeTable([
  ['11000', 'misconfigured'], // token required: our request lacked it
  ['11001', 'blocked'], // invalid token, or token restricted to another network
  ['11002', 'expired'],
  ['11011', 'limited'], // permission denied for this service: the key authenticated
  ['24000', 'limited'], // feature not enabled on the account: the key authenticated
  ['10000', 'misconfigured'], // service not found
  ['10003', 'misconfigured'], // request not understood
  ['10100', 'unknown'], // internal error
])

/**
 * Check IOC is a lookup of one IOC, not a collection (providers.md §1, "GET for one IOC"), so its
 * check looks up a reserved, never-malicious name (RFC 2606). The query parameter's name is not
 * in any public page we have, so this request is unconfirmed until tried with a real key; a
 * lookup may also count as usage.
 */
export const CHECK_IOC_PROBE = 'example.com'
export const UNCONFIRMED_THREATSTOP_SERVICES: ReadonlySet<string> = new Set(['check_ioc'])

export type ThreatstopDetails = { readonly provider: string; readonly service: string }
export type ThreatstopSettings = { readonly baseUrl: string }

const SERVICE_LABELS: ReadonlyMap<string, string> = new Map(
  threatstop.fields.flatMap((f) => (f.path === 'service' && f.rule.kind === 'choice' ? f.rule.options.map((o) => [o.value, o.label] as const) : [])),
)

export const threatstopProfile: ProviderCheck<ThreatstopDetails, ThreatstopSettings> = {
  id: 'threatstop',
  // Keyhold checks a ThreatSTOP key by reading one service; devices is what a new key starts with.
  recogniseImport: ({ url, named }) => {
    const host = url?.hostname ?? ''
    return host === 'threatstop.com' || host.endsWith('.threatstop.com') || (!url && named.includes('threatstop')) ? { provider: 'threatstop', service: 'devices' } : undefined
  },

  request(details, secret, settings) {
    const { service } = details
    const url = checkUrl(settings.baseUrl, service)
    if (service === 'check_ioc') url.searchParams.set('ioc', CHECK_IOC_PROBE)
    else url.searchParams.set('limit', '1')
    // No Content-Type on a GET: ThreatSTOP answers it with error 10003.
    return { url: url.toString(), headers: { Authorization: `Bearer ${secret}`, Accept: 'application/json' } }
  },

  classify(response) {
    const headerId = response.headers.get('x-request-id')
    if (response.truncated) return tooLarge(response, headerId)
    const json = parseJson(response.body)
    const code = stringField(json, 'additional_info', 'error_code')
    const requestId = stringField(json, '_meta', 'request_id') ?? headerId
    const description = stringField(json, 'error_description')
    const detailText = stringField(json, 'additional_info', 'detail')
    const detail = code ? `ThreatSTOP error ${code}${description ? `: ${description}` : ''}${detailText ? ` (${detailText})` : ''}` : null
    // A known code decides whatever the status: a 200 that carries data and 11002 is expired.
    const known = codeOutcome(code)
    if (known) return { outcome: known, detail, requestId }
    const { status } = response
    if (status >= 200 && status < 300) {
      if (code !== null) return { outcome: 'unknown', detail: `${detail ?? ''} — an error code Keyhold does not know, on a successful answer.`, requestId }
      const ok = isRecord(json) && Array.isArray(json['_data'])
      return { outcome: ok ? 'valid' : 'unknown', detail: ok ? null : 'The answer was not a ThreatSTOP API response.', requestId }
    }
    // Neither shows the key authenticated or was refused: the public pages give 403 both
    // meanings, and 404 is "no access to this service" as well as "no such service".
    if (status === 403) {
      return { outcome: 'unknown', detail: detail ?? 'HTTP 403 with no ThreatSTOP code: an invalid key or one without access to this service.', requestId }
    }
    if (status === 404) {
      return { outcome: 'unknown', detail: detail ?? 'HTTP 404 with no ThreatSTOP code: no access to this service, or the service address is wrong.', requestId }
    }
    return { outcome: genericOutcome(status), detail: detail ?? `HTTP ${status}`, requestId }
  },

  sentence(outcome, details) {
    const { service } = details
    const label = SERVICE_LABELS.get(service) ?? 'this'
    if (service && UNCONFIRMED_THREATSTOP_SERVICES.has(service)) {
      // What a result on a request nobody has confirmed against the real API is worth.
      if (outcome === 'valid') return `Works — ThreatSTOP answered a lookup of ${CHECK_IOC_PROBE} (Keyhold’s Check IOC request is unconfirmed; a lookup may count as usage)`
      if (outcome === 'misconfigured') return 'Could not be checked: ThreatSTOP did not accept Keyhold’s Check IOC request, whose form is unconfirmed — this says nothing against the key'
    }
    if (outcome === 'limited') return `Works, but cannot reach the ${label} service — check the key’s permissions`
    if (outcome === 'blocked') return 'Not confirmed: ThreatSTOP answers the same for an unknown key and for a key limited to other networks'
    return OUTCOME_SENTENCES[outcome]
  },

  /**
   * ThreatSTOP answers an unknown key and a key from another network alike (11001). For a key that
   * worked from this machine before, that answer after a Delete Key means the key is gone.
   */
  revocation(outcome, workedBefore) {
    if (outcome === 'blocked') return workedBefore ? 'confirmed' : 'unclear'
    return defaultRevocationVerdict(outcome)
  },

  revokedReason(outcome) {
    if (outcome !== 'blocked') return undefined
    return 'ThreatSTOP answers an unknown key and a key from another network the same way; this key worked from this computer before, so the answer means it was deleted.'
  },
}
