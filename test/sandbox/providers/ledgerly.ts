import { headerValue, type Reply } from '../http-util'
import type { ProviderBehaviour, ProviderRequest } from './provider'

function reply(r: ProviderRequest, status: number, body: Record<string, unknown>): Reply {
  return { status, requestId: r.requestId, body }
}

/**
 * The emulator of the test-only provider (test/providers/ledgerly.ts): a key in `X-Ledgerly-Key`,
 * answered at `/<region>/whoami` with the workspace it belongs to.
 */
export const ledgerly: ProviderBehaviour = {
  id: 'ledgerly',
  basePath: '/api',
  fields: ['tenant'],

  answer(r) {
    const match = /^\/api\/(eu|us)\/whoami$/.exec(r.url.pathname)
    if (!match) return reply(r, 404, { error: 'not_found' })
    const secret = headerValue(r.req, 'x-ledgerly-key')
    const key = secret === undefined ? undefined : r.keys.get(secret)
    if (key === undefined || key.state !== 'active') return reply(r, 401, { error: 'unauthorized' })
    return reply(r, 200, { workspace: key.tenant ?? 'unknown', region: match[1] })
  },

  errorBody(status) {
    return { error: `http_${status}` }
  },
}
