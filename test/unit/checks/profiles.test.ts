import { describe, expect, it } from 'vitest'
import type { KeyMeta } from '../../../electron/core/keys/record-codec'
import { CheckSetupError, stringField, type ProviderResponse } from '../../../electron/core/providers/profile'
import { DEFAULT_PROVIDER_SETTINGS, PROFILES } from '../../support/profiles-compat'
import type { ProviderDetails } from '../../../electron/shared/dto'

const meta = (details: ProviderDetails): KeyMeta => ({ name: 'k', account: '', notes: '', tags: [], expiresOn: null, details })
const threatstop = meta({ provider: 'threatstop', service: 'devices' })
const threadeo = meta({ provider: 'threadeo', tenant: 'acme', apiKey: 'ID-1' })
const spreeflo = meta({ provider: 'spreeflo', keyName: 'shop' })
const custom = meta({ provider: 'custom', baseUrl: 'https://api.example.com/v1', auth: { kind: 'header', headerName: 'X-Api-Key' } })

function response(status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): ProviderResponse {
  return { status, headers: new Headers(headers), body: typeof body === 'string' ? body : JSON.stringify(body), truncated: false }
}
const tsError = (status: number, code: number) => response(status, { status_code: status, error_description: 'x', additional_info: { error_code: code, detail: 'd' }, _meta: { request_id: 'req-1' } })

describe('ThreatSTOP profile', () => {
  const p = PROFILES.threatstop
  it('sends a Bearer GET with no Content-Type and limit=1 to the configured base only', () => {
    const t = p.target(threatstop, 'SECRET', DEFAULT_PROVIDER_SETTINGS)
    expect(t.url).toBe('https://rest.threatstop.com/v4.0/devices?limit=1')
    expect(t.headers).toEqual({ Authorization: 'Bearer SECRET', Accept: 'application/json' })
  })

  it('checks Check IOC with a lookup of one reserved name, not a listing, and says the request is unconfirmed', () => {
    const ioc = meta({ provider: 'threatstop', service: 'check_ioc' })
    expect(p.target(ioc, 'SECRET', DEFAULT_PROVIDER_SETTINGS).url).toBe('https://rest.threatstop.com/v4.0/check_ioc?ioc=example.com')
    expect(p.sentence('valid', ioc)).toMatch(/unconfirmed/)
    expect(p.sentence('misconfigured', ioc)).toMatch(/unconfirmed.*says nothing against the key/)
    expect(p.sentence('valid', threatstop)).toBe('Works')
  })

  it.each([
    [tsError(401, 11001), 'blocked'],
    [tsError(401, 11002), 'expired'],
    [tsError(404, 11011), 'limited'],
    [tsError(403, 24000), 'limited'],
    [tsError(404, 10000), 'misconfigured'],
    [tsError(400, 10003), 'misconfigured'],
    [tsError(500, 10100), 'unknown'],
    [tsError(401, 11000), 'misconfigured'],
    [response(200, { _data: [], _links: {}, _meta: { request_id: 'r' } }), 'valid'],
    [response(200, { hello: 'world' }), 'unknown'],
    [response(200, '<html>captive portal</html>', { 'content-type': 'text/html' }), 'unknown'],
    [response(401, {}), 'invalid'],
    [response(403, {}), 'unknown'],
    [response(404, {}), 'unknown'],
    [response(200, { _data: [{}], additional_info: { error_code: 11002 } }), 'expired'],
    [response(200, { _data: [{}], additional_info: { error_code: 99999 } }), 'unknown'],
    [response(404, { additional_info: { error_code: 'constructor' } }), 'unknown'],
    [response(404, { additional_info: { error_code: '__proto__' } }), 'unknown'],
    [response(401, { additional_info: { error_code: 'toString' } }), 'invalid'],
    [{ ...response(200, { _data: [] }), truncated: true }, 'unknown'],
    [{ ...tsError(404, 11011), truncated: true }, 'unknown'],
    [response(429, {}), 'unknown'],
    [response(503, {}), 'unknown'],
    [response(418, {}), 'unknown'],
  ])('classifies %# by error code first, then status', (res, outcome) => {
    expect(p.classify(res, threatstop).outcome).toBe(outcome)
  })

  it('keeps the request id and the provider detail', () => {
    const c = p.classify(tsError(404, 11011), threatstop)
    expect(c.requestId).toBe('req-1')
    expect(c.detail).toContain('11011')
    expect(p.sentence('limited', threatstop)).toBe('Works, but cannot reach the Devices service — check the key’s permissions')
  })
})

describe('Threadeo profile', () => {
  const p = PROFILES.threadeo
  it('sends Basic key:token to the tenant’s own host', () => {
    const t = p.target(threadeo, 'TOKEN', DEFAULT_PROVIDER_SETTINGS)
    expect(t.url).toBe('https://acme.threadeo.com/api/v1/me')
    expect(t.headers['Authorization']).toBe(`Basic ${Buffer.from('ID-1:TOKEN').toString('base64')}`)
  })
  it('refuses a template without {tenant} and an insecure address', () => {
    expect(() => p.target(threadeo, 'T', { ...DEFAULT_PROVIDER_SETTINGS, threadeoBaseUrl: 'https://threadeo.com' })).toThrow(CheckSetupError)
    expect(() => p.target(threadeo, 'T', { ...DEFAULT_PROVIDER_SETTINGS, threadeoBaseUrl: 'http://{tenant}.threadeo.com' })).toThrow(CheckSetupError)
  })
  it.each([
    [response(200, { user: {} }), 'valid'],
    [response(401, { error: 'invalid_credentials' }), 'invalid'],
    [response(401, { error: 'token_expired' }), 'expired'],
    [response(403, { error: 'api_access_disabled' }), 'limited'],
    [response(403, {}), 'unknown'],
    [response(403, { error: 'forbidden' }), 'unknown'],
    [response(404, { error: 'tenant_not_found' }), 'misconfigured'],
    [response(500, {}), 'unknown'],
    [response(200, '<!doctype html><p>sign in', { 'content-type': 'text/html' }), 'unknown'],
  ])('classifies %#', (res, outcome) => {
    expect(p.classify(res, threadeo).outcome).toBe(outcome)
  })
})

describe('Spreeflo profile', () => {
  const p = PROFILES.spreeflo
  it('says a refused check request is unconfirmed, not a verdict on the key', () => {
    expect(p.sentence('misconfigured', spreeflo)).toMatch(/unconfirmed.*says nothing against the key/)
    expect(PROFILES.threadeo.sentence('misconfigured', threadeo)).toMatch(/unconfirmed.*says nothing against the key/)
  })
  it('sends the key the configured way', () => {
    expect(p.target(spreeflo, 'K', DEFAULT_PROVIDER_SETTINGS).headers['Authorization']).toBe('Bearer K')
    expect(p.target(spreeflo, 'K', { ...DEFAULT_PROVIDER_SETTINGS, spreefloAuth: 'x-api-key' }).headers['X-API-Key']).toBe('K')
    expect(p.target(spreeflo, 'K', DEFAULT_PROVIDER_SETTINGS).url).toBe('https://api.spreeflo.com/v1/ping')
  })
  it.each([
    [response(200, { status: 'ok' }), 'valid'],
    [response(401, { error: 'unauthorized' }), 'invalid'],
    [response(402, { error: 'plan_required' }), 'limited'],
    [response(402, {}), 'unknown'],
    [response(403, {}), 'unknown'],
    [response(200, { status: 'ok', error: 'token_expired' }), 'unknown'],
    [{ ...response(200, { status: 'ok' }), truncated: true }, 'unknown'],
    [response(429, {}), 'unknown'],
    [response(400, {}), 'misconfigured'],
  ])('classifies %#', (res, outcome) => {
    expect(p.classify(res, spreeflo).outcome).toBe(outcome)
  })
})

describe('Custom REST API profile', () => {
  const p = PROFILES.custom
  it('sends the key in the named header to the key’s own base URL', () => {
    expect(p.target(custom, 'K', DEFAULT_PROVIDER_SETTINGS)).toEqual({
      url: 'https://api.example.com/v1',
      headers: { 'X-Api-Key': 'K', Accept: 'application/json' },
    })
  })
  it.each([
    [response(204, ''), 'valid'],
    [response(401, ''), 'invalid'],
    [response(403, ''), 'unknown'],
    [response(404, ''), 'unknown'],
    [{ ...response(200, '{"ok":true}'), truncated: true }, 'unknown'],
    [response(302, ''), 'unknown'],
    [response(299, '<html>', { 'content-type': 'text/html' }), 'unknown'],
  ])('classifies %#', (res, outcome) => {
    expect(p.classify(res, custom).outcome).toBe(outcome)
  })
})

describe('reading provider JSON', () => {
  it('reads strings and numbers only: an inherited name is not a field', () => {
    expect(stringField({}, 'constructor')).toBeNull()
    expect(stringField({ a: {} }, 'a', 'toString')).toBeNull()
    expect(stringField(JSON.parse('{"__proto__": {"x": "1"}}'), '__proto__', 'x')).toBe('1')
    expect(stringField({ a: { b: 7 } }, 'a', 'b')).toBe('7')
  })
})
