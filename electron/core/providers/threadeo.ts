import { OUTCOME_SENTENCES } from '../../shared/checks'
import type { ProviderCheck } from './provider-check'
import { BARE_403_DETAIL, basicAuth, CheckSetupError, checkUrl, genericOutcome, isRecord, looksLikeHtml, parseJson, stringField, tooLarge } from './profile'

export const TENANT_PLACEHOLDER = '{tenant}'
/** The sandbox's reading of the seed's "API access has not yet been enabled" (unconfirmed, providers.md §2). */
const API_ACCESS_DISABLED = 'api_access_disabled'

/** Threadeo's details and settings, as its descriptor's fields define them. */
export type ThreadeoDetails = { readonly provider: string; readonly tenant: string; readonly apiKey: string }
export type ThreadeoSettings = { readonly baseUrl: string; readonly checkPath: string }

export const threadeoProfile: ProviderCheck<ThreadeoDetails, ThreadeoSettings> = {
  id: 'threadeo',
  // A tenant's own host (`https://<tenant>.threadeo.com`), with the API key as the entry's username.
  recogniseImport: ({ url, username }) => {
    const host = url?.hostname ?? ''
    return host.endsWith('.threadeo.com') && username ? { provider: 'threadeo', tenant: host.slice(0, -'.threadeo.com'.length), apiKey: username } : undefined
  },

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
    if (response.truncated) return tooLarge(response, response.headers.get('x-request-id'))
    const json = parseJson(response.body)
    const error = stringField(json, 'error')
    const requestId = stringField(json, 'request_id') ?? response.headers.get('x-request-id')
    const detail = error ? `Threadeo: ${error}` : null
    const { status } = response
    if (status >= 200 && status < 300) {
      // A success that names an error is not proof the key works.
      const ok = isRecord(json) && !looksLikeHtml(response) && error === null
      return { outcome: ok ? 'valid' : 'unknown', detail: ok ? null : (detail ?? 'The answer was not a Threadeo API response.'), requestId }
    }
    if (status === 401) return { outcome: error === 'token_expired' ? 'expired' : 'invalid', detail: detail ?? 'HTTP 401', requestId }
    // Only Threadeo's own "API access not enabled" shows the user was recognised; a bare 403 does not.
    if (status === 403) return error === API_ACCESS_DISABLED ? { outcome: 'limited', detail, requestId } : { outcome: 'unknown', detail: detail ?? BARE_403_DETAIL, requestId }
    return { outcome: genericOutcome(status), detail: detail ?? `HTTP ${status}`, requestId }
  },

  sentence(outcome) {
    if (outcome === 'limited') return 'Works, but API access is not enabled for this Threadeo user — ask your business team'
    // The check path is an assumption (providers.md §2): a refusal of it is not a verdict on the key.
    if (outcome === 'misconfigured') return 'Could not be checked: the Threadeo address or tenant is wrong, or Keyhold’s unconfirmed check path is — check the subdomain and Settings; this says nothing against the key'
    return OUTCOME_SENTENCES[outcome]
  },
}
