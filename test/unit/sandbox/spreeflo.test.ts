import { describe, expect, it } from 'vitest'
import { SandboxInputError, SandboxRuleError } from '../../sandbox'
import { bearer, bodyOf, requestIdOf, useSandbox } from './helpers'

const sandbox = useSandbox('spreeflo')

const ping = (headers: Record<string, string> = {}, init: RequestInit = {}): Promise<Response> =>
  fetch(`${sandbox().url}/ping`, { headers, ...init })

async function expectBody(res: Response, status: number, body: Record<string, unknown>): Promise<void> {
  expect(res.status).toBe(status)
  expect(await bodyOf(res)).toEqual({ ...body, request_id: requestIdOf(res) })
}

describe('Spreeflo sandbox: the Ping API', () => {
  it('answers 200 status ok to an active Professional key', async () => {
    sandbox().addKey({ secret: 'sf-valid' })
    await expectBody(await ping(bearer('sf-valid')), 200, { status: 'ok' })
  })

  it('answers 401 unauthorized to an unknown key or none', async () => {
    await expectBody(await ping(bearer('sf-unknown')), 401, { error: 'unauthorized' })
    await expectBody(await ping(), 401, { error: 'unauthorized' })
  })

  it('answers 401 to an expired key: Spreeflo documents no expiry of its own', async () => {
    sandbox().addKey({ secret: 'sf-expired' })
    sandbox().expire('sf-expired')
    await expectBody(await ping(bearer('sf-expired')), 401, { error: 'unauthorized' })
  })

  it('answers 402 plan_required when the account is not on the Professional plan', async () => {
    sandbox().addKey({ secret: 'sf-basic', plan: 'basic' })
    await expectBody(await ping(bearer('sf-basic')), 402, {
      error: 'plan_required',
      detail: 'The Spreeflo API requires the Professional plan',
    })
  })

  it('answers 404 off /v1/ping and 405 to anything but GET', async () => {
    sandbox().addKey({ secret: 'sf-paths' })
    await expectBody(await fetch(`${sandbox().url}/contacts`, { headers: bearer('sf-paths') }), 404, { error: 'not_found' })
    await expectBody(await ping(bearer('sf-paths'), { method: 'POST' }), 405, { error: 'method_not_allowed' })
  })

  it('refuses fields of other providers', () => {
    expect(() => sandbox().addKey({ secret: 'sf-bad', services: [] })).toThrow(SandboxInputError)
  })
})

describe('Spreeflo sandbox: revoking is irreversible', () => {
  it('answers 401 after revoke and never takes the same key back', async () => {
    sandbox().addKey({ secret: 'sf-revoked' })
    await expectBody(await ping(bearer('sf-revoked')), 200, { status: 'ok' })
    sandbox().revoke('sf-revoked')
    await expectBody(await ping(bearer('sf-revoked')), 401, { error: 'unauthorized' })
    expect(() => sandbox().addKey({ secret: 'sf-revoked' })).toThrow(SandboxRuleError)
    expect(() => sandbox().expire('sf-revoked')).toThrow(SandboxRuleError)
    await expectBody(await ping(bearer('sf-revoked')), 401, { error: 'unauthorized' })
  })

  it('answers 409 when the control API tries to reactivate a revoked key', async () => {
    sandbox().addKey({ secret: 'sf-revoked-ctl', state: 'revoked' })
    const res = await fetch(new URL('/__sandbox/keys', sandbox().url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: 'sf-revoked-ctl' }),
    })
    expect(res.status).toBe(409)
  })
})
