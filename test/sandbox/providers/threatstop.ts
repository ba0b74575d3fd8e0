import { THREATSTOP_SERVICES } from '../../../electron/shared/providers'
import { bearerToken } from '../credentials'
import { reasonPhrase } from '../faults'
import { headerValue, type Reply } from '../http-util'
import { SandboxInputError } from '../errors'
import { collection } from './threatstop-collection'
import type { ProviderBehaviour, ProviderRequest } from './provider'

const SERVICES: readonly string[] = THREATSTOP_SERVICES
const DEFAULT_LIMIT = 20
const MAX_LIMIT = 1000

/** The documented extended error codes (providers.md, "Error codes"). */
const ERRORS = {
  tokenRequired: { status: 401, code: 11000, description: 'Authentication failed', detail: 'Token required' },
  invalidToken: {
    status: 401,
    code: 11001,
    description: 'Authentication failed',
    // One code for both on purpose: the real API does not say which, so neither may the sandbox.
    detail: 'Invalid token, or token restricted to a different network',
  },
  tokenExpired: { status: 401, code: 11002, description: 'Authentication failed', detail: 'Token expired' },
  permissionDenied: { status: 404, code: 11011, description: 'Not found', detail: "API key doesn't provide access to this service" },
  serviceNotFound: { status: 404, code: 10000, description: 'Not found', detail: 'Service not found' },
  notUnderstood: { status: 400, code: 10003, description: 'Invalid request', detail: 'Request not understood' },
  featureDisabled: { status: 403, code: 24000, description: 'Forbidden', detail: 'Feature not enabled for this account' },
  // Not in the public table: the sandbox models read keys only, and a wrong method is a request the API does not understand.
  methodNotAllowed: { status: 405, code: 10003, description: 'Method not allowed', detail: 'Only GET is supported here' },
} as const

type ErrorKind = (typeof ERRORS)[keyof typeof ERRORS]

function error(r: ProviderRequest, e: ErrorKind, detail: string = e.detail, headers?: Record<string, string>): Reply {
  return {
    status: e.status,
    requestId: r.requestId,
    headers,
    body: {
      status_code: e.status,
      error_description: e.description,
      additional_info: { detail, error_code: e.code },
      _meta: { request_id: r.requestId },
    },
  }
}

/** limit/offset as non-negative integers; undefined when a value is present but malformed. */
function paging(url: URL): { limit: number; offset: number } | undefined {
  const read = (name: string, fallback: number, min: number): number | undefined => {
    const raw = url.searchParams.get(name)
    if (raw === null) return fallback
    if (!/^\d+$/.test(raw)) return undefined
    const n = Number(raw)
    return n >= min ? n : undefined
  }
  const limit = read('limit', DEFAULT_LIMIT, 1)
  const offset = read('offset', 0, 0)
  if (limit === undefined || offset === undefined || limit > MAX_LIMIT) return undefined
  return { limit, offset }
}

/**
 * ThreatSTOP REST API v4.0. Checks run in the order a real API would meet them: the request
 * itself, then the token, then the service, then the key's permission on it. Every body carries
 * `_meta.request_id`, which also goes out as X-Request-Id.
 */
export const threatstop: ProviderBehaviour = {
  id: 'threatstop',
  basePath: '/v4.0',
  fields: ['services', 'wrongNetwork', 'featureDisabled'],

  checkAdd(key) {
    const unknown = key.services?.filter((s) => !SERVICES.includes(s)) ?? []
    if (unknown.length > 0) throw new SandboxInputError(`unknown ThreatSTOP service(s): ${unknown.join(', ')}`)
  },

  answer(r) {
    const segments = r.url.pathname.split('/').filter((s) => s !== '')
    if (segments[0] !== 'v4.0' || segments.length < 2 || segments.length > 3) return error(r, ERRORS.serviceNotFound)
    if (r.req.method !== 'GET') return error(r, ERRORS.methodNotAllowed, undefined, { allow: 'GET' })
    // The format page: Content-Type belongs to requests with a body; on a GET it draws 10003.
    if (headerValue(r.req, 'content-type') !== undefined) {
      return error(r, ERRORS.notUnderstood, 'Content-Type must not be set on a GET request')
    }

    if (headerValue(r.req, 'authorization') === undefined) return error(r, ERRORS.tokenRequired)
    const token = bearerToken(r.req)
    const key = token === undefined ? undefined : r.keys.get(token)
    // A deleted (revoked) key is simply unknown to the API.
    if (key === undefined || key.state === 'revoked' || key.wrongNetwork === true) return error(r, ERRORS.invalidToken)
    if (key.state === 'expired') return error(r, ERRORS.tokenExpired)

    const [, service = '', objectId] = segments
    if (!SERVICES.includes(service)) return error(r, ERRORS.serviceNotFound)
    if (key.featureDisabled === true) return error(r, ERRORS.featureDisabled)
    if (key.services !== undefined && !key.services.includes(service)) return error(r, ERRORS.permissionDenied)

    if (service === 'check_ioc') return checkIoc(r, objectId)

    const all = collection(service, r.baseUrl)
    if (objectId !== undefined) {
      const found = all.find((o) => o.id === objectId)
      // The format page folds "does not exist" into its 404; 10000 keeps it out of the permission code.
      if (found === undefined) return error(r, ERRORS.serviceNotFound, 'Object not found')
      return ok(r, [found], { self: { href: `${r.baseUrl}/${service}/${objectId}` } }, {})
    }

    const page = paging(r.url)
    if (page === undefined) return error(r, ERRORS.notUnderstood, `limit must be 1..${MAX_LIMIT} and offset 0 or more`)
    const { limit, offset } = page
    const href = (o: number): { href: string } => ({ href: `${r.baseUrl}/${service}?limit=${limit}&offset=${o}` })
    const links: Record<string, { href: string }> = { self: href(offset) }
    if (offset + limit < all.length) links.next = href(offset + limit)
    if (offset > 0) links.prev = href(Math.max(0, offset - limit))
    return ok(r, all.slice(offset, offset + limit), links, { limit, offset, total: all.length })
  },

  errorBody(status, requestId) {
    // 429 is undocumented, so no extended code: only the status may classify it. 5xx is 10100.
    const additional = status >= 500 ? { detail: 'Internal error', error_code: 10100 } : { detail: reasonPhrase(status) }
    return { status_code: status, error_description: reasonPhrase(status), additional_info: additional, _meta: { request_id: requestId } }
  },

  // The Admin Portal's API Keys: the services the new key may read, then its Add API Key button.
  portal: {
    title: 'API Keys',
    button: 'Add API Key',
    noun: 'API key',
    inputs: [{ name: 'read', label: 'Read permission', kind: 'checkboxes', options: SERVICES.map((s) => ({ value: s, label: s })) }],
    deleteLabel: 'Delete Key',
    prefix: 'ts_',
    issue: (secret, form) => ({ secret, services: form.getAll('read') }),
  },
}

/** An IPv4 address or a host name: what Check IOC looks up. */
const IOC = /^(?:\d{1,3}(?:\.\d{1,3}){3}|(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/i

/**
 * Check IOC is a lookup, not a collection (providers.md §1: GET for one IOC): a GET without an
 * IOC is a request the API does not understand, as the real service would answer it. The `ioc`
 * parameter's name is our assumption (the connector docs use "ioc" in the POST body).
 */
function checkIoc(r: ProviderRequest, objectId: string | undefined): Reply {
  if (objectId !== undefined) return error(r, ERRORS.serviceNotFound)
  const ioc = r.url.searchParams.get('ioc')
  if (ioc === null || !IOC.test(ioc)) return error(r, ERRORS.notUnderstood, 'An IP address or domain name (ioc) is required')
  return ok(r, [{ ioc, active: [], history: [], user_defined_lists: [] }], { self: { href: `${r.baseUrl}/check_ioc?ioc=${encodeURIComponent(ioc)}` } }, {})
}

function ok(r: ProviderRequest, data: unknown[], links: Record<string, { href: string }>, meta: Record<string, number>): Reply {
  return { status: 200, requestId: r.requestId, body: { _data: data, _links: links, _meta: { request_id: r.requestId, ...meta } } }
}
