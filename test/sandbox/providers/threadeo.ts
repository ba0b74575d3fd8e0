import { basicPair } from '../credentials'
import { SandboxInputError, SandboxRuleError } from '../errors'
import { reasonPhrase } from '../faults'
import type { Reply } from '../http-util'
import type { StoredKey } from '../key-book'
import type { ProviderBehaviour, ProviderRequest } from './provider'

/** The seed's default subdomain ("legal.threadeo.com"); always exists. */
export const DEFAULT_TENANT = 'legal'
const MAX_ACTIVE_TOKENS = 2
const WWW_AUTHENTICATE = { 'www-authenticate': 'Basic realm="Threadeo API", charset="UTF-8"' }

function reply(r: ProviderRequest, status: number, body: Record<string, unknown>, headers?: Record<string, string>): Reply {
  return { status, requestId: r.requestId, headers, body: { ...body, request_id: r.requestId } }
}

const tenantOf = (key: StoredKey): string => key.tenant ?? DEFAULT_TENANT

/**
 * Threadeo, with tenants as a path prefix (`/t/<tenant>`) because a loopback sandbox has no
 * subdomains. The check endpoint `GET /api/v1/me` is our assumption (providers.md: prefer a
 * "current user" GET); auth is HTTP Basic `apiKey:secretToken`.
 */
export const threadeo: ProviderBehaviour = {
  id: 'threadeo',
  basePath: '',
  fields: ['apiKey', 'apiAccessDisabled', 'tenant'],

  checkAdd(key, _previous, book) {
    if (key.apiKey === undefined) throw new SandboxInputError('a Threadeo token needs the apiKey it belongs to')
    if (key.state !== 'active') return
    // The seed: "You can have a maximum of two tokens active at any time".
    const others = book.all().filter((k) => k.apiKey === key.apiKey && k.state === 'active' && k.secret !== key.secret)
    if (others.length >= MAX_ACTIVE_TOKENS) {
      throw new SandboxRuleError('API key already has two active secret tokens (the most Threadeo allows); delete one first')
    }
  },

  answer(r) {
    const match = /^\/t\/([^/]+)(\/.*)?$/.exec(r.url.pathname)
    if (match === null) return reply(r, 404, { error: 'not_found' })
    // Compared raw: a tenant is a DNS label, so anything percent-encoded is simply not one.
    const tenant = match[1] ?? ''
    const keys = r.keys.all()
    // A subdomain nobody was given does not exist, whoever asks (in production: no such host).
    if (tenant !== DEFAULT_TENANT && !keys.some((k) => tenantOf(k) === tenant)) return reply(r, 404, { error: 'tenant_not_found' })
    if ((match[2] ?? '/') !== '/api/v1/me') return reply(r, 404, { error: 'not_found' })
    if (r.req.method !== 'GET') return reply(r, 405, { error: 'method_not_allowed' }, { allow: 'GET' })

    const pair = basicPair(r.req)
    const key = pair === undefined ? undefined : r.keys.get(pair.password)
    // A token is only good with its own API key, in its own tenant; a deleted token is gone.
    if (pair === undefined || key === undefined || key.apiKey !== pair.user || tenantOf(key) !== tenant || key.state === 'revoked') {
      return reply(r, 401, { error: 'invalid_credentials' }, WWW_AUTHENTICATE)
    }
    if (key.state === 'expired') return reply(r, 401, { error: 'token_expired' }, WWW_AUTHENTICATE)
    // The seed: "If you see an error in accessing this page, API access has not yet been enabled".
    if (key.apiAccessDisabled === true) return reply(r, 403, { error: 'api_access_disabled' })
    return reply(r, 200, { user: { api_key: key.apiKey, tenant } })
  },

  errorBody(status, requestId) {
    return { error: reasonPhrase(status).toLowerCase().replace(/\W+/g, '_'), request_id: requestId }
  },

  // The seed's API Settings page: the user's API key above the button, the token in an overlay.
  portal: {
    title: 'API Settings',
    button: 'Generate Secret Token',
    noun: 'Secret token',
    context: [
      { name: 'tenant', label: 'Subdomain', initial: DEFAULT_TENANT },
      { name: 'apiKey', label: 'API key', initial: 'TD-PORTAL-USER' },
    ],
    acknowledge: {
      warning: 'This overlay, in this session, is the only time that you’ll be able to access this token (due to encryption). Turn the toggle to “I understand”, then press “Copy”.',
      toggle: 'I understand',
    },
    deleteLabel: 'Delete',
    prefix: 'tdst_',
    issue: (secret, form) => ({ secret, apiKey: form.get('apiKey') ?? '', tenant: form.get('tenant') ?? DEFAULT_TENANT }),
  },
}
