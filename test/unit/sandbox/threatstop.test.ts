import { describe, expect, it } from 'vitest'
import { THREATSTOP_SERVICES } from '../../../electron/shared/providers'
import { COLLECTION_SIZE, SandboxInputError, startSandbox, type SandboxKey } from '../../sandbox'
import { bearer, bodyOf, requestIdOf, useSandbox, UUID4 } from './helpers'

interface Link {
  href: string
}
interface Page {
  _data: { id: string; name: string; _links: { self: Link } }[]
  _links: { self: Link; next?: Link; prev?: Link }
  _meta: { request_id: string; limit: number; offset: number; total: number }
}
interface ErrorBody {
  status_code: number
  error_description: string
  additional_info: { detail: string; error_code: number }
  _meta: { request_id: string }
}

const sandbox = useSandbox('threatstop')

function get(path: string, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sandbox().url}${path}`, { headers, ...init })
}

function withKey(secret: string, extra: Omit<SandboxKey, 'secret'> = {}): string {
  sandbox().addKey({ ...extra, secret })
  return secret
}

/** Every ThreatSTOP error has the documented shape, and its request id in body and header. */
async function expectError(res: Response, status: number, code: number): Promise<ErrorBody> {
  expect(res.status).toBe(status)
  const body = await bodyOf<ErrorBody>(res)
  expect(body).toEqual({
    status_code: status,
    error_description: expect.any(String),
    additional_info: { detail: expect.any(String), error_code: code },
    _meta: { request_id: requestIdOf(res) },
  })
  return body
}

describe('ThreatSTOP sandbox: a readable service', () => {
  it.each(THREATSTOP_SERVICES.filter((s) => s !== 'check_ioc'))('lists /v4.0/%s as _data, _links and _meta, the request id also in X-Request-Id', async (service) => {
    const res = await get(`/${service}`, bearer(withKey(`ts-valid-${service}`)))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const page = await bodyOf<Page>(res)
    expect(page._meta).toEqual({ request_id: requestIdOf(res), limit: 20, offset: 0, total: COLLECTION_SIZE })
    expect(page._data).toHaveLength(20)
    expect(page._data.every((o) => UUID4.test(o.id))).toBe(true)
    expect(page._links.self.href).toBe(`${sandbox().url}/${service}?limit=20&offset=0`)
    expect(page._links.prev).toBeUndefined()
  })

  it('serves one object at its _links.self as _data[0]', async () => {
    const auth = bearer(withKey('ts-object'))
    const first = (await bodyOf<Page>(await get('/devices?limit=1', auth)))._data[0]
    const res = await fetch(first?._links.self.href ?? 'missing', { headers: auth })
    expect(res.status).toBe(200)
    expect((await bodyOf<Page>(res))._data).toEqual([first])
  })
})

describe('ThreatSTOP sandbox: Check IOC is a lookup of one IOC, not a collection', () => {
  it('answers a GET without an IOC with 400/10003, as a lookup with nothing to look up', async () => {
    const auth = bearer(withKey('ts-ioc-none'))
    await expectError(await get('/check_ioc', auth), 400, 10003)
    await expectError(await get('/check_ioc?limit=1', auth), 400, 10003)
  })

  it('answers a lookup of one domain or IP with 200 and the match in _data[0]', async () => {
    const auth = bearer(withKey('ts-ioc-ok', { services: ['check_ioc'] }))
    const res = await get('/check_ioc?ioc=example.com', auth)
    expect(res.status).toBe(200)
    const body = await bodyOf<{ _data: { ioc: string }[]; _meta: { request_id: string } }>(res)
    expect(body._data[0]?.ioc).toBe('example.com')
    expect(body._meta.request_id).toBe(requestIdOf(res))
    expect((await get('/check_ioc?ioc=192.0.2.1', auth)).status).toBe(200)
  })

  it('still asks for the token and the key’s permission first', async () => {
    await expectError(await get('/check_ioc?ioc=example.com'), 401, 11000)
    await expectError(await get('/check_ioc?ioc=example.com', bearer(withKey('ts-ioc-perm', { services: ['devices'] }))), 404, 11011)
  })
})

describe('ThreatSTOP sandbox: limit/offset paging', () => {
  it('walks _links.next to the end (20 + 20 + 5, no repeats) and _links.prev back to the start', async () => {
    const auth = bearer(withKey('ts-paging'))
    const ids: string[] = []
    const sizes: number[] = []
    let href: string | undefined = `${sandbox().url}/policies`
    let last: Page | undefined
    while (href !== undefined) {
      last = await bodyOf<Page>(await fetch(href, { headers: auth }))
      sizes.push(last._data.length)
      ids.push(...last._data.map((o) => o.id))
      href = last._links.next?.href
    }
    expect(sizes).toEqual([20, 20, 5])
    expect(new Set(ids).size).toBe(COLLECTION_SIZE)
    expect(last?._meta).toMatchObject({ limit: 20, offset: 40, total: 45 })
    expect(last?._links.prev?.href).toBe(`${sandbox().url}/policies?limit=20&offset=20`)
  })

  it('honours limit and offset, with prev clamped at 0 and no next past the end', async () => {
    const auth = bearer(withKey('ts-paging-2'))
    const page = await bodyOf<Page>(await get('/ip_lists?limit=10&offset=5', auth))
    expect(page._data.map((o) => o.name)).toEqual(Array.from({ length: 10 }, (_, i) => `ip_lists ${String(i + 6).padStart(2, '0')}`))
    expect(page._links.prev?.href).toBe(`${sandbox().url}/ip_lists?limit=10&offset=0`)
    expect(page._links.next?.href).toBe(`${sandbox().url}/ip_lists?limit=10&offset=15`)
    const tail = await bodyOf<Page>(await get('/ip_lists?limit=50&offset=44', auth))
    expect(tail._data).toHaveLength(1)
    expect(tail._links.next).toBeUndefined()
  })

  it('lists the same ids on every sandbox and every run', async () => {
    const other = await startSandbox('threatstop')
    try {
      other.addKey({ secret: 'ts-determinism' })
      const here = await bodyOf<Page>(await get('/logs', bearer(withKey('ts-determinism'))))
      const there = await bodyOf<Page>(await fetch(`${other.url}/logs`, { headers: bearer('ts-determinism') }))
      expect(there._data.map((o) => o.id)).toEqual(here._data.map((o) => o.id))
    } finally {
      await other.close()
    }
  })

  it.each(['limit=0', 'limit=-1', 'limit=abc', 'offset=1.5', 'limit=1001'])('refuses %s with 400/10003', async (query) => {
    await expectError(await get(`/devices?${query}`, bearer(withKey('ts-bad-paging'))), 400, 10003)
  })
})

describe('ThreatSTOP sandbox: the token', () => {
  it('answers 401/11000 with no Authorization header', async () => {
    await expectError(await get('/devices'), 401, 11000)
  })

  it('answers 401/11001 for an unknown key or a non-Bearer scheme', async () => {
    await expectError(await get('/devices', bearer('ts-never-added')), 401, 11001)
    await expectError(await get('/devices', { authorization: `Basic ${withKey('ts-basic')}` }), 401, 11001)
  })

  it('answers 401/11001 once a working key is revoked (deleted)', async () => {
    const auth = bearer(withKey('ts-revoked'))
    expect((await get('/devices', auth)).status).toBe(200)
    sandbox().revoke('ts-revoked')
    await expectError(await get('/devices', auth), 401, 11001)
  })

  it('answers a key used from the wrong network exactly as an unknown key: the API cannot say which', async () => {
    const blocked = await expectError(await get('/devices', bearer(withKey('ts-net', { wrongNetwork: true }))), 401, 11001)
    const unknown = await expectError(await get('/devices', bearer('ts-net-unknown')), 401, 11001)
    expect(blocked.additional_info.detail).toBe(unknown.additional_info.detail)
  })

  it('answers 401/11002 for an expired key', async () => {
    withKey('ts-expired')
    sandbox().expire('ts-expired')
    await expectError(await get('/devices', bearer('ts-expired')), 401, 11002)
    await expectError(await get('/devices', bearer(withKey('ts-expired-2', { state: 'expired' }))), 401, 11002)
  })
})

describe('ThreatSTOP sandbox: services and features', () => {
  it('answers 404/11011 for a service the key cannot read, 200 for one it can', async () => {
    const auth = bearer(withKey('ts-limited', { services: ['devices'] }))
    expect((await get('/devices', auth)).status).toBe(200)
    await expectError(await get('/policies', auth), 404, 11011)
    await expectError(await get('/devices', bearer(withKey('ts-none', { services: [] }))), 404, 11011)
  })

  it('answers 403/24000 when the account lacks the feature', async () => {
    await expectError(await get('/devices', bearer(withKey('ts-feature', { featureDisabled: true }))), 403, 24000)
  })

  it('answers 404/10000 for an unknown service or a path outside /v4.0', async () => {
    const auth = bearer(withKey('ts-paths'))
    await expectError(await get('/reports', auth), 404, 10000)
    await expectError(await fetch(new URL('/v3/devices', sandbox().url), { headers: auth }), 404, 10000)
    await expectError(await get(`/devices/00000000-0000-4000-8000-000000000000`, auth), 404, 10000)
  })
})

describe('ThreatSTOP sandbox: the request itself', () => {
  it('answers 400/10003 to a GET carrying Content-Type, even with a good key', async () => {
    const res = await get('/devices', { ...bearer(withKey('ts-ctype')), 'content-type': 'application/json' })
    await expectError(res, 400, 10003)
  })

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('answers 405 to %s, allowing GET', async (method) => {
    const res = await get('/devices', bearer(withKey('ts-method')), { method })
    expect(res.headers.get('allow')).toBe('GET')
    await expectError(res, 405, 10003)
  })

  it('refuses keys it cannot model: an unknown service slug, a field of another provider', () => {
    expect(() => sandbox().addKey({ secret: 'ts-bad', services: ['reports'] })).toThrow(SandboxInputError)
    expect(() => sandbox().addKey({ secret: 'ts-bad', plan: 'basic' })).toThrow(SandboxInputError)
  })
})
