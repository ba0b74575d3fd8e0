import { OUTCOME_SENTENCES } from '../../shared/checks'
import type { ProviderCheck } from './provider-check'
import { basicAuth, checkUrl, genericOutcome, isRecord, looksLikeHtml, parseJson, stringField } from './profile'

export type SpreefloDetails = { readonly provider: string; readonly keyName: string }
export type SpreefloSettings = { readonly baseUrl: string; readonly checkPath: string; readonly auth: string }

export const spreefloProfile: ProviderCheck<SpreefloDetails, SpreefloSettings> = {
  id: 'spreeflo',

  request(_details, secret, settings) {
    const url = checkUrl(settings.baseUrl, settings.checkPath)
    // Spreeflo's scheme is not public (providers.md §3): the three usual shapes are a setting.
    const auth: Record<string, string> =
      settings.auth === 'x-api-key'
        ? { 'X-API-Key': secret }
        : settings.auth === 'basic'
          ? { Authorization: basicAuth('keyhold', secret) }
          : { Authorization: `Bearer ${secret}` }
    return { url: url.toString(), headers: { ...auth, Accept: 'application/json' } }
  },

  classify(response) {
    const json = parseJson(response.body)
    const error = stringField(json, 'error')
    const requestId = stringField(json, 'request_id') ?? response.headers.get('x-request-id')
    const detail = error ? `Spreeflo: ${stringField(json, 'detail') ?? error}` : null
    const { status } = response
    if (status >= 200 && status < 300) {
      const ok = isRecord(json) && !looksLikeHtml(response)
      return { outcome: ok ? 'valid' : 'unknown', detail: ok ? null : 'The answer was not a Spreeflo API response.', requestId }
    }
    if (status === 402 || status === 403) return { outcome: 'limited', detail: detail ?? `HTTP ${status}`, requestId }
    return { outcome: genericOutcome(status), detail: detail ?? `HTTP ${status}`, requestId }
  },

  sentence(outcome) {
    if (outcome === 'limited') return 'Works, but the account’s plan does not include the API — Spreeflo needs the Professional plan'
    return OUTCOME_SENTENCES[outcome]
  },
}
