import { describe, expect, it } from 'vitest'
import { DEFAULT_TENANT, SandboxInputError, SandboxRuleError } from '../../sandbox'
import { basic, bodyOf, requestIdOf, useSandbox } from './helpers'

const sandbox = useSandbox('threadeo')

function me(tenant: string, authorization?: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sandbox().url}/t/${tenant}/api/v1/me`, { headers: authorization === undefined ? {} : { authorization }, ...init })
}

async function expectError(res: Response, status: number, error: string): Promise<void> {
  expect(res.status).toBe(status)
  expect(await bodyOf(res)).toEqual({ error, request_id: requestIdOf(res) })
}

describe('Threadeo sandbox: API key + secret token over HTTP Basic', () => {
  it('answers the user for a matching pair, the request id also in X-Request-Id', async () => {
    sandbox().addKey({ secret: 'td-valid', apiKey: 'TDK-VALID' })
    const res = await me(DEFAULT_TENANT, basic('TDK-VALID', 'td-valid'))
    expect(res.status).toBe(200)
    expect(await bodyOf(res)).toEqual({ user: { api_key: 'TDK-VALID', tenant: 'legal' }, request_id: requestIdOf(res) })
  })

  it('serves a custom subdomain as /t/<tenant>, and only to that tenant’s users', async () => {
    sandbox().addKey({ secret: 'td-acme', apiKey: 'TDK-ACME', tenant: 'acme' })
    const res = await me('acme', basic('TDK-ACME', 'td-acme'))
    expect(res.status).toBe(200)
    expect(await bodyOf(res)).toMatchObject({ user: { api_key: 'TDK-ACME', tenant: 'acme' } })
    await expectError(await me(DEFAULT_TENANT, basic('TDK-ACME', 'td-acme')), 401, 'invalid_credentials')
  })

  it('answers 404 tenant_not_found for a tenant nobody has, whatever the credentials', async () => {
    sandbox().addKey({ secret: 'td-tenant', apiKey: 'TDK-TENANT' })
    await expectError(await me('nosuchfirm', basic('TDK-TENANT', 'td-tenant')), 404, 'tenant_not_found')
    await expectError(await me('nosuchfirm'), 404, 'tenant_not_found')
  })

  it('answers 401 invalid_credentials for a wrong pair, a wrong token, no or non-Basic auth', async () => {
    sandbox().addKey({ secret: 'td-pair', apiKey: 'TDK-PAIR' })
    await expectError(await me(DEFAULT_TENANT, basic('TDK-OTHER', 'td-pair')), 401, 'invalid_credentials')
    await expectError(await me(DEFAULT_TENANT, basic('TDK-PAIR', 'td-wrong')), 401, 'invalid_credentials')
    await expectError(await me(DEFAULT_TENANT, 'Bearer td-pair'), 401, 'invalid_credentials')
    const none = await me(DEFAULT_TENANT)
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic /)
    await expectError(none, 401, 'invalid_credentials')
  })

  it('answers 401 invalid_credentials once the token is deleted (revoked)', async () => {
    sandbox().addKey({ secret: 'td-revoked', apiKey: 'TDK-REVOKED' })
    expect((await me(DEFAULT_TENANT, basic('TDK-REVOKED', 'td-revoked'))).status).toBe(200)
    sandbox().revoke('td-revoked')
    await expectError(await me(DEFAULT_TENANT, basic('TDK-REVOKED', 'td-revoked')), 401, 'invalid_credentials')
  })

  it('answers 401 token_expired for an expired token', async () => {
    sandbox().addKey({ secret: 'td-expired', apiKey: 'TDK-EXPIRED' })
    sandbox().expire('td-expired')
    await expectError(await me(DEFAULT_TENANT, basic('TDK-EXPIRED', 'td-expired')), 401, 'token_expired')
  })

  it('answers 403 api_access_disabled when API access is not enabled for the user', async () => {
    sandbox().addKey({ secret: 'td-noapi', apiKey: 'TDK-NOAPI', apiAccessDisabled: true })
    await expectError(await me(DEFAULT_TENANT, basic('TDK-NOAPI', 'td-noapi')), 403, 'api_access_disabled')
  })

  it('answers 404 off the check path and 405 to anything but GET', async () => {
    sandbox().addKey({ secret: 'td-paths', apiKey: 'TDK-PATHS' })
    const auth = basic('TDK-PATHS', 'td-paths')
    await expectError(await fetch(`${sandbox().url}/t/legal/api/v1/users`, { headers: { authorization: auth } }), 404, 'not_found')
    await expectError(await fetch(`${sandbox().url}/api/v1/me`, { headers: { authorization: auth } }), 404, 'not_found')
    await expectError(await me(DEFAULT_TENANT, auth, { method: 'POST' }), 405, 'method_not_allowed')
  })
})

describe('Threadeo sandbox: at most two active secret tokens per API key', () => {
  it('refuses a third active token, and takes it once one of the two is deleted', async () => {
    sandbox().addKey({ secret: 'td-slot-1', apiKey: 'TDK-SLOTS' })
    sandbox().addKey({ secret: 'td-slot-2', apiKey: 'TDK-SLOTS' })
    expect(() => sandbox().addKey({ secret: 'td-slot-3', apiKey: 'TDK-SLOTS' })).toThrow(SandboxRuleError)
    // The refused token was never stored.
    await expectError(await me(DEFAULT_TENANT, basic('TDK-SLOTS', 'td-slot-3')), 401, 'invalid_credentials')

    sandbox().revoke('td-slot-1')
    sandbox().addKey({ secret: 'td-slot-3', apiKey: 'TDK-SLOTS' })
    expect((await me(DEFAULT_TENANT, basic('TDK-SLOTS', 'td-slot-3'))).status).toBe(200)
    expect((await me(DEFAULT_TENANT, basic('TDK-SLOTS', 'td-slot-2'))).status).toBe(200)
  })

  it('counts only active tokens of the same API key; re-adding one of the two is not a third', () => {
    sandbox().addKey({ secret: 'td-count-1', apiKey: 'TDK-COUNT' })
    sandbox().addKey({ secret: 'td-count-2', apiKey: 'TDK-COUNT' })
    sandbox().addKey({ secret: 'td-count-2', apiKey: 'TDK-COUNT' })
    sandbox().addKey({ secret: 'td-count-old', apiKey: 'TDK-COUNT', state: 'expired' })
    sandbox().addKey({ secret: 'td-count-other', apiKey: 'TDK-COUNT-OTHER' })
    expect(() => sandbox().addKey({ secret: 'td-count-3', apiKey: 'TDK-COUNT' })).toThrow(/two active secret tokens/)
  })

  it('answers 409 through the control API', async () => {
    const add = (secret: string): Promise<Response> =>
      fetch(new URL('/__sandbox/keys', sandbox().url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ secret, apiKey: 'TDK-CONTROL' }),
      })
    expect((await add('td-control-1')).status).toBe(201)
    expect((await add('td-control-2')).status).toBe(201)
    const third = await add('td-control-3')
    expect(third.status).toBe(409)
    expect(await bodyOf(third)).toEqual({ error: expect.stringMatching(/two active secret tokens/) })
  })

  it('needs the API key a token belongs to', () => {
    expect(() => sandbox().addKey({ secret: 'td-orphan' })).toThrow(SandboxInputError)
  })
})
