import { basicPair, bearerToken } from '../credentials'
import { reasonPhrase } from '../faults'
import { headerValue, type Reply } from '../http-util'
import type { StoredKey } from '../key-book'
import type { ProviderBehaviour, ProviderRequest } from './provider'

function reply(r: ProviderRequest, status: number, body: unknown): Reply {
  return { status, requestId: r.requestId, body }
}

/**
 * A generic REST API for the "Custom REST API" profile: the key may come as Bearer, as an
 * X-API-Key header, or as the Basic password (any username), the three templates providers.md offers.
 */
export const custom: ProviderBehaviour = {
  id: 'custom',
  basePath: '/api',
  fields: ['services'],

  answer(r) {
    if (r.url.pathname !== '/api' && !r.url.pathname.startsWith('/api/')) return reply(r, 404, { error: 'not_found' })
    if (r.req.method !== 'GET') return reply(r, 405, { error: 'method_not_allowed' })
    const candidates = [bearerToken(r.req), headerValue(r.req, 'x-api-key'), basicPair(r.req)?.password]
    const key = candidates
      .filter((c): c is string => c !== undefined)
      .map((c) => r.keys.get(c))
      .find((k): k is StoredKey => k !== undefined && k.state === 'active')
    if (key === undefined) return reply(r, 401, { error: 'unauthorized' })
    if (key.services !== undefined && key.services.length === 0) return reply(r, 403, { error: 'forbidden' })
    return reply(r, 200, { ok: true })
  },

  errorBody(status) {
    return { error: reasonPhrase(status) }
  },

  // Any service's key settings, as plain as they come.
  portal: { title: 'API keys', button: 'Create key', noun: 'API key', deleteLabel: 'Revoke', prefix: 'key_', issue: (secret) => ({ secret }) },
}
