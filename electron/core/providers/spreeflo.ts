import { OUTCOME_SENTENCES } from '../../shared/checks'
import type { ProviderCheck } from './provider-check'
import { BARE_403_DETAIL, basicAuth, checkUrl, genericOutcome, isRecord, looksLikeHtml, parseJson, stringField, tooLarge } from './profile'

/** The sandbox's reading of the seed's "Professional plan" rule (unconfirmed, providers.md §3). */
const PLAN_REQUIRED = 'plan_required'

export type SpreefloDetails = { readonly provider: string; readonly keyName: string }
export type SpreefloSettings = { readonly baseUrl: string; readonly checkPath: string; readonly auth: string }

export const spreefloProfile: ProviderCheck<SpreefloDetails, SpreefloSettings> = {
  id: 'spreeflo',
  // Its key's name in Spreeflo is not in another app's entry; the entry's own name stands for it.
  recogniseImport: ({ url, named, name }) =>
    (url?.hostname ?? '').split('.').some((label) => label === 'spreeflo') || (!url && named.includes('spreeflo')) ? { provider: 'spreeflo', keyName: name } : undefined,

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
    if (response.truncated) return tooLarge(response, response.headers.get('x-request-id'))
    const json = parseJson(response.body)
    const error = stringField(json, 'error')
    const requestId = stringField(json, 'request_id') ?? response.headers.get('x-request-id')
    const detail = error ? `Spreeflo: ${stringField(json, 'detail') ?? error}` : null
    const { status } = response
    if (status >= 200 && status < 300) {
      // A success that names an error is not proof the key works.
      const ok = isRecord(json) && !looksLikeHtml(response) && error === null
      return { outcome: ok ? 'valid' : 'unknown', detail: ok ? null : (detail ?? 'The answer was not a Spreeflo API response.'), requestId }
    }
    // Only Spreeflo's own "plan required" shows the account was recognised; a bare 402/403 does not.
    if (status === 402 || status === 403) {
      if (error === PLAN_REQUIRED) return { outcome: 'limited', detail, requestId }
      return { outcome: 'unknown', detail: detail ?? (status === 403 ? BARE_403_DETAIL : 'HTTP 402 with no Spreeflo code: it may mean the plan lacks the API, or something else.'), requestId }
    }
    return { outcome: genericOutcome(status), detail: detail ?? `HTTP ${status}`, requestId }
  },

  sentence(outcome) {
    if (outcome === 'limited') return 'Works, but the account’s plan does not include the API — Spreeflo needs the Professional plan'
    // The whole request is an assumption (providers.md §3): a refusal of it is not a verdict on the key.
    if (outcome === 'misconfigured') return 'Could not be checked: Spreeflo did not accept Keyhold’s check request, which is unconfirmed — check the address, path and sign-in method in Settings; this says nothing against the key'
    return OUTCOME_SENTENCES[outcome]
  },
}
