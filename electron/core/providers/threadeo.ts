import { OUTCOME_SENTENCES } from '../../shared/checks'
import type { ProviderCheck } from './provider-check'
import { basicAuth, CheckSetupError, checkUrl, genericOutcome, isRecord, looksLikeHtml, parseJson, stringField } from './profile'

export const TENANT_PLACEHOLDER = '{tenant}'

/** Threadeo's details and settings, as its descriptor's fields define them. */
export type ThreadeoDetails = { readonly provider: string; readonly tenant: string; readonly apiKey: string }
export type ThreadeoSettings = { readonly baseUrl: string; readonly checkPath: string }

export const threadeoProfile: ProviderCheck<ThreadeoDetails, ThreadeoSettings> = {
  id: 'threadeo',

  request(details, secret, settings) {
    const template = settings.baseUrl
    if (template.split(TENANT_PLACEHOLDER).length !== 2) {
      throw new CheckSetupError('The Threadeo address in settings must contain {tenant} once.')
    }
    // The tenant is a validated DNS label, so it can only ever name a host under the template's
    // own domain: the key and token go to the tenant's Threadeo host and nowhere else.
    const url = checkUrl(template.replace(TENANT_PLACEHOLDER, details.tenant), settings.checkPath)
    return { url: url.toString(), headers: { Authorization: basicAuth(details.apiKey, secret), Accept: 'application/json' } }
  },

  classify(response) {
    const json = parseJson(response.body)
    const error = stringField(json, 'error')
    const requestId = stringField(json, 'request_id') ?? response.headers.get('x-request-id')
    const detail = error ? `Threadeo: ${error}` : null
    const { status } = response
    if (status >= 200 && status < 300) {
      const ok = isRecord(json) && !looksLikeHtml(response)
      return { outcome: ok ? 'valid' : 'unknown', detail: ok ? null : 'The answer was not a Threadeo API response.', requestId }
    }
    if (status === 401) return { outcome: error === 'token_expired' ? 'expired' : 'invalid', detail: detail ?? 'HTTP 401', requestId }
    if (status === 403) return { outcome: 'limited', detail: detail ?? 'HTTP 403', requestId }
    return { outcome: genericOutcome(status), detail: detail ?? `HTTP ${status}`, requestId }
  },

  sentence(outcome) {
    if (outcome === 'limited') return 'Works, but API access is not enabled for this Threadeo user — ask your business team'
    if (outcome === 'misconfigured') return 'Could not be checked: the Threadeo address or tenant is wrong — check the subdomain'
    return OUTCOME_SENTENCES[outcome]
  },
}
