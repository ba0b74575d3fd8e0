import { describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { type Sandboxes } from '../sandbox'
import { useCheckCore } from '../support/checks'
import { call, callError } from '../support/core'

// A Custom REST API key says which statuses mean "works" and "rejected" (like TruffleHog's custom
// detectors); everything else reads "could not be checked". Over real HTTP to the custom sandbox.
let sandboxes: Sandboxes
let core: KeyholdCore
useCheckCore(2000, (env) => ({ sandboxes, core } = env))

async function customKey(secret: string, check?: Record<string, string>) {
  sandboxes.custom.addKey({ secret })
  const details = { provider: 'custom', baseUrl: sandboxes.custom.url, auth: { kind: 'bearer' }, ...(check ? { check } : {}) }
  return call(core, 'keyhold:keys.add', { name: `Custom ${secret}`, details, secret })
}

describe('a Custom REST API key’s own status rules', () => {
  it('asks its check path and reads the statuses it was given', async () => {
    const key = await customKey('cs-path', { path: '/v2/me', works: '200-204', rejected: '401, 403' })
    expect(await call(core, 'keyhold:keys.check', { id: key.id })).toMatchObject({ outcome: 'valid', httpStatus: 200 })
    expect(sandboxes.custom.received.at(-1)).toMatchObject({ path: '/api/v2/me' })

    sandboxes.custom.setFaults([{ fault: { kind: 'status', status: 403, body: '{}' } }])
    expect(await call(core, 'keyhold:keys.check', { id: key.id })).toMatchObject({ outcome: 'invalid', httpStatus: 403 })
    // A 2xx outside the "works" ranges proves nothing.
    sandboxes.custom.setFaults([{ fault: { kind: 'status', status: 206, body: '{}' } }])
    expect(await call(core, 'keyhold:keys.check', { id: key.id })).toMatchObject({ outcome: 'unknown', httpStatus: 206 })
  })

  it('without rules, only 401 is rejected and a 403 could not be checked', async () => {
    const key = await customKey('cs-default')
    expect(key.details).toEqual({ provider: 'custom', baseUrl: sandboxes.custom.url, auth: { kind: 'bearer' } })
    sandboxes.custom.setFaults([{ fault: { kind: 'status', status: 403, body: '{}' } }])
    expect(await call(core, 'keyhold:keys.check', { id: key.id })).toMatchObject({ outcome: 'unknown' })
    sandboxes.custom.setFaults([{ fault: { kind: 'status', status: 401, body: '{}' } }])
    expect(await call(core, 'keyhold:keys.check', { id: key.id })).toMatchObject({ outcome: 'invalid' })
  })

  it('refuses rules that are not statuses, naming the field', async () => {
    const details = { provider: 'custom', baseUrl: 'https://api.example.com', auth: { kind: 'bearer' }, check: { works: '2xx' } }
    expect(await callError(core, 'keyhold:keys.add', { name: 'x', details, secret: 'k' })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'details.check.works',
      message: 'Statuses that mean the key works (optional) must be statuses or ranges from 100 to 599, such as 200-299, 304.',
    })
    const badPath = { ...details, check: { path: 'me' } }
    expect(await callError(core, 'keyhold:keys.add', { name: 'x', details: badPath, secret: 'k' })).toMatchObject({ field: 'details.check.path' })
  })
})
