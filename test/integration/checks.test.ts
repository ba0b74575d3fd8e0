import { describe, expect, it } from 'vitest'
import { attempt, MAX_BODY_BYTES } from '../../electron/core/checks/http-attempt'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import type { Outcome } from '../../electron/shared/checks'
import type { CheckRunFinished, CheckRunProgress, NewKeyInput } from '../../electron/shared/dto'
import { type Sandboxes } from '../sandbox'
import { keyInputs, secretFor, useCheckCore } from '../support/checks'
import { call } from '../support/core'
import { STRONG_PASSWORD } from '../support/fixtures'

let sandboxes: Sandboxes
let core: KeyholdCore

useCheckCore(400, (env) => ({ sandboxes, core } = env))

async function checkNew(input: NewKeyInput) {
  const { id } = await call(core, 'keyhold:keys.add', input)
  return call(core, 'keyhold:keys.check', { id })
}

describe('every profile × every response class, over real HTTP', () => {
  const cases: [string, () => Promise<NewKeyInput>, Outcome][] = [
    ['ThreatSTOP: a key that reads the service', async () => {
      const s = secretFor('ts-ok'); sandboxes.threatstop.addKey({ secret: s, services: ['devices'] }); return keyInputs.threatstop(s)
    }, 'valid'],
    ['ThreatSTOP: a key without read on the service (11011)', async () => {
      const s = secretFor('ts-perm'); sandboxes.threatstop.addKey({ secret: s, services: ['policies'] }); return keyInputs.threatstop(s)
    }, 'limited'],
    ['ThreatSTOP: the feature is not enabled (24000)', async () => {
      const s = secretFor('ts-feat'); sandboxes.threatstop.addKey({ secret: s, featureDisabled: true }); return keyInputs.threatstop(s)
    }, 'limited'],
    ['ThreatSTOP: an expired key (11002)', async () => {
      const s = secretFor('ts-exp'); sandboxes.threatstop.addKey({ secret: s, state: 'expired' }); return keyInputs.threatstop(s)
    }, 'expired'],
    ['ThreatSTOP: unknown key or other network (11001)', async () => keyInputs.threatstop(secretFor('ts-unknown')), 'blocked'],
    ['ThreatSTOP: restricted to another network (11001)', async () => {
      const s = secretFor('ts-net'); sandboxes.threatstop.addKey({ secret: s, wrongNetwork: true }); return keyInputs.threatstop(s)
    }, 'blocked'],
    ['Threadeo: a matching key and token', async () => {
      const s = secretFor('td-ok'); sandboxes.threadeo.addKey({ secret: s, apiKey: 'TD-A', tenant: 'acme' }); return keyInputs.threadeo(s, 'acme', 'TD-A')
    }, 'valid'],
    ['Threadeo: a wrong token', async () => keyInputs.threadeo(secretFor('td-wrong'), 'acme', 'TD-A'), 'invalid'],
    ['Threadeo: an expired token', async () => {
      const s = secretFor('td-exp'); sandboxes.threadeo.addKey({ secret: s, apiKey: 'TD-B', tenant: 'acme', state: 'expired' }); return keyInputs.threadeo(s, 'acme', 'TD-B')
    }, 'expired'],
    ['Threadeo: API access not enabled', async () => {
      const s = secretFor('td-off'); sandboxes.threadeo.addKey({ secret: s, apiKey: 'TD-C', tenant: 'acme', apiAccessDisabled: true }); return keyInputs.threadeo(s, 'acme', 'TD-C')
    }, 'limited'],
    ['Threadeo: a tenant that does not exist', async () => keyInputs.threadeo(secretFor('td-tenant'), 'no-such-tenant', 'TD-A'), 'misconfigured'],
    ['Spreeflo: a working key', async () => {
      const s = secretFor('sf-ok'); sandboxes.spreeflo.addKey({ secret: s }); return keyInputs.spreeflo(s)
    }, 'valid'],
    ['Spreeflo: a plan without the API', async () => {
      const s = secretFor('sf-plan'); sandboxes.spreeflo.addKey({ secret: s, plan: 'basic' }); return keyInputs.spreeflo(s)
    }, 'limited'],
    ['Spreeflo: a wrong key', async () => keyInputs.spreeflo(secretFor('sf-wrong')), 'invalid'],
    ['Custom: Bearer', async () => {
      const s = secretFor('c-bearer'); sandboxes.custom.addKey({ secret: s }); return keyInputs.custom(s, sandboxes.custom.url, { kind: 'bearer' })
    }, 'valid'],
    ['Custom: a named header', async () => {
      const s = secretFor('c-header'); sandboxes.custom.addKey({ secret: s }); return keyInputs.custom(s, sandboxes.custom.url, { kind: 'header', headerName: 'X-API-Key' })
    }, 'valid'],
    ['Custom: Basic', async () => {
      const s = secretFor('c-basic'); sandboxes.custom.addKey({ secret: s }); return keyInputs.custom(s, sandboxes.custom.url, { kind: 'basic', username: 'me' })
    }, 'valid'],
    // A bare 403 does not show the key authenticated: until its user says what 403 means, unknown.
    ['Custom: a 403 with no explanation', async () => {
      const s = secretFor('c-403'); sandboxes.custom.addKey({ secret: s, services: [] }); return keyInputs.custom(s, sandboxes.custom.url, { kind: 'bearer' })
    }, 'unknown'],
    ['Custom: a wrong key', async () => keyInputs.custom(secretFor('c-wrong'), sandboxes.custom.url, { kind: 'bearer' }), 'invalid'],
  ]

  it.each(cases)('%s → %s', async (_label, make, outcome) => {
    const record = await checkNew(await make())
    expect(record.outcome).toBe(outcome)
    expect(record.at).toBeGreaterThan(0)
    expect(record.latencyMs).not.toBeNull()
  })

  it('keeps ThreatSTOP’s request id and error detail, and the plain sentence', async () => {
    const s = secretFor('ts-detail')
    sandboxes.threatstop.addKey({ secret: s, services: ['policies'] })
    const record = await checkNew(keyInputs.threatstop(s))
    expect(record).toMatchObject({ outcome: 'limited', httpStatus: 404, sentence: 'Works, but cannot reach the Devices service — check the key’s permissions' })
    expect(record.requestId).toMatch(/\S+/)
    expect(record.detail).toContain('11011')
  })
})

describe('faults on the way', () => {
  async function spreefloKey() {
    const s = secretFor('sf-fault')
    sandboxes.spreeflo.addKey({ secret: s })
    const { id } = await call(core, 'keyhold:keys.add', keyInputs.spreeflo(s))
    return { id, secret: s }
  }
  const requestsFor = (secret: string) => sandboxes.spreeflo.received.filter((r) => r.authorization === `Bearer ${secret}`).length

  it('waits out a 429 as Retry-After says, then succeeds', async () => {
    const { id, secret } = await spreefloKey()
    sandboxes.spreeflo.setFaults([{ fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1, perKey: true }])
    const started = Date.now()
    expect((await call(core, 'keyhold:keys.check', { id })).outcome).toBe('valid')
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(requestsFor(secret)).toBe(2)
  })

  it('gives up after two 429s as unknown, never invalid', async () => {
    const { id, secret } = await spreefloKey()
    sandboxes.spreeflo.setFaults([{ fault: { kind: 'status', status: 429, retryAfter: '0' } }])
    expect((await call(core, 'keyhold:keys.check', { id })).outcome).toBe('unknown')
    expect(requestsFor(secret)).toBe(3)
  })

  it('retries a 5xx once', async () => {
    const { id, secret } = await spreefloKey()
    sandboxes.spreeflo.setFaults([{ fault: { kind: 'status', status: 503 }, times: 1 }])
    expect((await call(core, 'keyhold:keys.check', { id })).outcome).toBe('valid')
    expect(requestsFor(secret)).toBe(2)
    sandboxes.spreeflo.setFaults([{ fault: { kind: 'status', status: 500 } }])
    expect((await call(core, 'keyhold:keys.check', { id })).outcome).toBe('unknown')
    expect(requestsFor(secret)).toBe(4)
  })

  it('never retries a 401', async () => {
    const secret = secretFor('sf-401')
    const { id } = await call(core, 'keyhold:keys.add', keyInputs.spreeflo(secret))
    expect((await call(core, 'keyhold:keys.check', { id })).outcome).toBe('invalid')
    expect(requestsFor(secret)).toBe(1)
  })

  it('ends a hang at the timeout as unknown (one retry)', async () => {
    const { id, secret } = await spreefloKey()
    sandboxes.spreeflo.setFaults([{ fault: { kind: 'hang' } }])
    const record = await call(core, 'keyhold:keys.check', { id })
    expect(record).toMatchObject({ outcome: 'unknown', httpStatus: null })
    expect(record.detail).toMatch(/No answer/)
    expect(requestsFor(secret)).toBe(2)
  })

  it.each([
    ['a reset connection', { kind: 'reset' as const }, 'unknown'],
    ['garbage with 200', { kind: 'garbage' as const }, 'unknown'],
    ['an HTML page with 200', { kind: 'html200' as const }, 'unknown'],
    ['a 5 MiB body', { kind: 'huge' as const }, 'unknown'],
  ])('reads %s as %s', async (_label, fault, outcome) => {
    const { id } = await spreefloKey()
    sandboxes.spreeflo.setFaults([{ fault }])
    expect((await call(core, 'keyhold:keys.check', { id })).outcome).toBe(outcome)
  })

  it('cuts a 5 MiB body at 1 MiB', async () => {
    sandboxes.spreeflo.setFaults([{ fault: { kind: 'huge' } }])
    const result = await attempt(fetch, { url: `${sandboxes.spreeflo.url}/ping`, headers: {}, timeoutMs: 5000 })
    expect(result.kind).toBe('response')
    if (result.kind !== 'response') return
    expect(result.truncated).toBe(true)
    expect(Buffer.byteLength(result.body)).toBeLessThanOrEqual(MAX_BODY_BYTES)
  })

  it('does not follow a redirect, and the credential never reaches the other host', async () => {
    const { id } = await spreefloKey()
    const caughtBefore = sandboxes.catcher.received.length
    sandboxes.spreeflo.setFaults([{ fault: { kind: 'redirect' } }])
    const record = await call(core, 'keyhold:keys.check', { id })
    expect(record.outcome).toBe('misconfigured')
    expect(record.detail).toMatch(/redirect/)
    expect(sandboxes.catcher.received.length).toBe(caughtBefore)
  })
})

describe('checks without asking anyone, and where credentials go', () => {
  it('reports a key past its expiry date as expired without a network call', async () => {
    const s = secretFor('ts-date')
    sandboxes.threatstop.addKey({ secret: s })
    const before = sandboxes.threatstop.requestCount()
    const record = await checkNew({ ...keyInputs.threatstop(s), expiresOn: '2020-01-01' })
    expect(record).toMatchObject({ outcome: 'expired', httpStatus: null, latencyMs: null })
    expect(sandboxes.threatstop.requestCount()).toBe(before)
  })

  it('sends each credential only to its own provider’s host', async () => {
    const mine = { threatstop: secretFor('pin-ts'), spreeflo: secretFor('pin-sf'), threadeo: secretFor('pin-td') }
    sandboxes.threatstop.addKey({ secret: mine.threatstop })
    sandboxes.spreeflo.addKey({ secret: mine.spreeflo })
    sandboxes.threadeo.addKey({ secret: mine.threadeo, apiKey: 'PIN', tenant: 'acme' })
    await checkNew(keyInputs.threatstop(mine.threatstop))
    await checkNew(keyInputs.spreeflo(mine.spreeflo))
    await checkNew(keyInputs.threadeo(mine.threadeo, 'acme', 'PIN'))
    const seenBy = (secret: string) =>
      (['threadeo', 'threatstop', 'spreeflo', 'custom'] as const).filter((p) =>
        sandboxes[p].received.some((r) => JSON.stringify(r.headers).includes(secret) || JSON.stringify(r.headers).includes(Buffer.from(`PIN:${secret}`).toString('base64'))),
      )
    expect(seenBy(mine.threatstop)).toEqual(['threatstop'])
    expect(seenBy(mine.spreeflo)).toEqual(['spreeflo'])
    expect(seenBy(mine.threadeo)).toEqual(['threadeo'])
  })

  it('stores every check in the history, newest first, never with the credential', async () => {
    const s = secretFor('hist')
    sandboxes.spreeflo.addKey({ secret: s })
    const { id } = await call(core, 'keyhold:keys.add', keyInputs.spreeflo(s))
    await call(core, 'keyhold:keys.check', { id })
    sandboxes.spreeflo.revoke(s)
    await call(core, 'keyhold:keys.check', { id })
    const history = await call(core, 'keyhold:keys.history', { id })
    expect(history.map((h) => h.outcome)).toEqual(['invalid', 'valid'])
    expect(history[0]).toMatchObject({ httpStatus: 401, sentence: 'Rejected: revoked or wrong' })
    expect(JSON.stringify(history)).not.toContain(s)
    const [entry] = await call(core, 'keyhold:keys.list')
    expect(entry && !entry.damaged && entry.lastCheck?.outcome).toBe('invalid')

    // The history and the last outcome survive a lock and unlock.
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await call(core, 'keyhold:keys.history', { id })).map((h) => h.outcome)).toEqual(['invalid', 'valid'])
    const [again] = await call(core, 'keyhold:keys.list')
    expect(again && !again.damaged && again.lastCheck).toMatchObject({ outcome: 'invalid', sentence: 'Rejected: revoked or wrong' })
  })
})

describe('check all', () => {
  function collect() {
    const progress: CheckRunProgress[] = []
    let resolveFinished: (f: CheckRunFinished) => void = () => undefined
    const finished = new Promise<CheckRunFinished>((r) => (resolveFinished = r))
    core.events.subscribe((event, payload) => {
      if (event === 'keyhold:checks.progress') progress.push(payload as CheckRunProgress)
      if (event === 'keyhold:checks.finished') resolveFinished(payload as CheckRunFinished)
    })
    return { progress, finished }
  }

  it('checks every key with progress and a summary', async () => {
    for (let i = 0; i < 6; i++) {
      const s = secretFor('all-ok')
      sandboxes.spreeflo.addKey({ secret: s })
      await call(core, 'keyhold:keys.add', keyInputs.spreeflo(s))
    }
    for (let i = 0; i < 2; i++) await call(core, 'keyhold:keys.add', keyInputs.spreeflo(secretFor('all-bad')))
    const { progress, finished } = collect()
    const { total, runId } = await call(core, 'keyhold:checks.start', {})
    expect(total).toBe(8)
    const end = await finished
    expect(end).toMatchObject({ runId, done: 8, total: 8, cancelled: false, summary: '6 work, 2 rejected' })
    expect(progress[0]).toMatchObject({ done: 0, total: 8 })
    const list = await call(core, 'keyhold:keys.list')
    expect(list.every((e) => !e.damaged && e.lastCheck !== null)).toBe(true)
  })

  it('can be cancelled, and then sends and stores nothing more', async () => {
    const ids: string[] = []
    for (let i = 0; i < 12; i++) {
      const s = secretFor('cancel')
      sandboxes.spreeflo.addKey({ secret: s })
      ids.push((await call(core, 'keyhold:keys.add', keyInputs.spreeflo(s))).id)
    }
    sandboxes.spreeflo.setFaults([{ fault: { kind: 'hang' } }])
    const { finished } = collect()
    const before = sandboxes.spreeflo.requestCount()
    const { runId } = await call(core, 'keyhold:checks.start', { ids })
    await sandboxes.spreeflo.waitForRequests(before + 4)
    expect(await call(core, 'keyhold:checks.cancel', { runId })).toEqual({ cancelled: true })
    const end = await finished
    expect(end.cancelled).toBe(true)
    const sent = sandboxes.spreeflo.requestCount()
    // At most 4 at once to one host, so the rest were never sent.
    expect(sent - before).toBeLessThanOrEqual(4)
    expect(await call(core, 'keyhold:keys.history', { id: ids[0] as string })).toEqual([])
  })
})
