import { bearerToken } from '../credentials'
import { SandboxRuleError } from '../errors'
import { reasonPhrase } from '../faults'
import type { Reply } from '../http-util'
import type { ProviderBehaviour, ProviderRequest } from './provider'

function reply(r: ProviderRequest, status: number, body: Record<string, unknown>, headers?: Record<string, string>): Reply {
  return { status, requestId: r.requestId, headers, body: { ...body, request_id: r.requestId } }
}

/**
 * Spreeflo's Ping API. Bearer auth is our assumption (providers.md offers three templates).
 * The seed documents no expiry, so an expired key gets the same 401 as any unusable one.
 */
export const spreeflo: ProviderBehaviour = {
  id: 'spreeflo',
  basePath: '/v1',
  fields: ['plan'],

  checkAdd(_key, previous) {
    // The seed: "Once you've revoked an API key, it can't be reactivated."
    if (previous?.state === 'revoked') throw new SandboxRuleError('a revoked Spreeflo key can never be reactivated')
  },

  answer(r) {
    if (r.url.pathname !== '/v1/ping') return reply(r, 404, { error: 'not_found' })
    if (r.req.method !== 'GET') return reply(r, 405, { error: 'method_not_allowed' }, { allow: 'GET' })
    const token = bearerToken(r.req)
    const key = token === undefined ? undefined : r.keys.get(token)
    if (key === undefined || key.state !== 'active') return reply(r, 401, { error: 'unauthorized' })
    // The seed: "You must be subscribed to the Professional plan to access the Spreeflo API."
    if ((key.plan ?? 'professional') !== 'professional') {
      return reply(r, 402, { error: 'plan_required', detail: 'The Spreeflo API requires the Professional plan' })
    }
    return reply(r, 200, { status: 'ok' })
  },

  errorBody(status, requestId) {
    return { error: reasonPhrase(status).toLowerCase().replace(/\W+/g, '_'), request_id: requestId }
  },

  // Settings › API Keys: a descriptive name, then + Add API Key; the trash icon revokes.
  portal: {
    title: 'Settings › API Keys',
    button: '+ Add API Key',
    noun: 'API key',
    inputs: [{ name: 'name', label: 'API key name', kind: 'text' }],
    deleteLabel: 'Revoke',
    prefix: 'sf_live_',
    issue: (secret) => ({ secret }),
  },
}
