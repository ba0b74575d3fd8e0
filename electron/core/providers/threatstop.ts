import { OUTCOME_SENTENCES, type Outcome } from '../../shared/checks'
import { threatstop } from '../../shared/providers/threatstop'
import type { ProviderCheck } from './provider-check'
import { checkUrl, genericOutcome, isRecord, parseJson, stringField } from './profile'

// additional_info.error_code first (the public pages disagree on statuses): providers.md §1.
const CODE_OUTCOMES: Readonly<Record<string, Outcome>> = {
  '11000': 'misconfigured', // token required: our request lacked it
  '11001': 'blocked', // invalid token, or token restricted to another network
  '11002': 'expired',
  '11011': 'limited', // permission denied for this service
  '24000': 'limited', // feature not enabled on the account
  '10000': 'misconfigured', // service not found
  '10003': 'misconfigured', // request not understood
  '10100': 'unknown', // internal error
}

export type ThreatstopDetails = { readonly provider: string; readonly service: string }
export type ThreatstopSettings = { readonly baseUrl: string }

const SERVICE_LABELS: ReadonlyMap<string, string> = new Map(
  threatstop.fields.flatMap((f) => (f.path === 'service' && f.rule.kind === 'choice' ? f.rule.options.map((o) => [o.value, o.label] as const) : [])),
)

export const threatstopProfile: ProviderCheck<ThreatstopDetails, ThreatstopSettings> = {
  id: 'threatstop',

  request(details, secret, settings) {
    const url = checkUrl(settings.baseUrl, details.service)
    url.searchParams.set('limit', '1')
    // No Content-Type on a GET: ThreatSTOP answers it with error 10003.
    return { url: url.toString(), headers: { Authorization: `Bearer ${secret}`, Accept: 'application/json' } }
  },

  classify(response) {
    const json = parseJson(response.body)
    const code = stringField(json, 'additional_info', 'error_code')
    const requestId = stringField(json, '_meta', 'request_id') ?? response.headers.get('x-request-id')
    const description = stringField(json, 'error_description')
    const detailText = stringField(json, 'additional_info', 'detail')
    const detail = code ? `ThreatSTOP error ${code}${description ? `: ${description}` : ''}${detailText ? ` (${detailText})` : ''}` : null
    if (code && CODE_OUTCOMES[code]) return { outcome: CODE_OUTCOMES[code], detail, requestId }
    const { status } = response
    if (status >= 200 && status < 300) {
      const ok = isRecord(json) && Array.isArray(json['_data'])
      return { outcome: ok ? 'valid' : 'unknown', detail: ok ? null : 'The answer was not a ThreatSTOP API response.', requestId }
    }
    if (status === 403) return { outcome: 'invalid', detail: detail ?? `HTTP ${status}`, requestId }
    // A 404 with no code: "no access to this service" and "wrong path" look the same.
    if (status === 404) return { outcome: 'limited', detail: detail ?? 'HTTP 404: no access to this service, or the service address is wrong.', requestId }
    return { outcome: genericOutcome(status), detail: detail ?? `HTTP ${status}`, requestId }
  },

  sentence(outcome, details) {
    const service = SERVICE_LABELS.get(details.service) ?? 'this'
    if (outcome === 'limited') return `Works, but cannot reach the ${service} service — check the key’s permissions`
    if (outcome === 'blocked') return 'Not confirmed: ThreatSTOP answers the same for an unknown key and for a key limited to other networks'
    return OUTCOME_SENTENCES[outcome]
  },
}
