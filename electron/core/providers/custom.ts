import { OUTCOME_SENTENCES } from '../../shared/checks'
import type { ProviderCheck } from './provider-check'
import { basicAuth, checkUrl, genericOutcome, looksLikeHtml } from './profile'

export type CustomDetails = {
  readonly provider: string
  readonly baseUrl: string
  readonly auth:
    | { readonly kind: 'bearer' }
    | { readonly kind: 'header'; readonly headerName: string }
    | { readonly kind: 'basic'; readonly username: string }
}

export const customProfile: ProviderCheck<CustomDetails> = {
  id: 'custom',

  request(details, secret) {
    const { baseUrl, auth } = details
    const url = checkUrl(baseUrl, '')
    const header: Record<string, string> =
      auth.kind === 'header'
        ? { [auth.headerName]: secret }
        : auth.kind === 'basic'
          ? { Authorization: basicAuth(auth.username, secret) }
          : { Authorization: `Bearer ${secret}` }
    return { url: url.toString(), headers: { ...header, Accept: 'application/json' } }
  },

  classify(response) {
    const requestId = response.headers.get('x-request-id')
    const { status } = response
    if (status >= 200 && status < 300) {
      const page = looksLikeHtml(response)
      return { outcome: page ? 'unknown' : 'valid', detail: page ? 'The address answered with a web page, not an API response.' : null, requestId }
    }
    if (status === 403) return { outcome: 'limited', detail: 'HTTP 403', requestId }
    return { outcome: genericOutcome(status), detail: `HTTP ${status}`, requestId }
  },

  sentence(outcome) {
    return OUTCOME_SENTENCES[outcome]
  },
}
