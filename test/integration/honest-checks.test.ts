import type { Database } from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { sendCheck } from '../../electron/core/checks/check-client'
import { RequestLimiter } from '../../electron/core/checks/limiter'
import { DETAIL_MAX_CHARS, REQUEST_ID_MAX_CHARS } from '../../electron/core/checks/provider-text'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import type { Outcome } from '../../electron/shared/checks'
import type { CheckRecord, CheckRunFinished, NewKeyInput } from '../../electron/shared/dto'
import type { BuiltInProviderId as ProviderId } from '../../electron/shared/providers'
import { type Fault, type FaultRule, type Sandboxes } from '../sandbox'
import { keyInputs, secretFor, useCheckCore } from '../support/checks'
import { call } from '../support/core'

let sandboxes: Sandboxes
let core: KeyholdCore

useCheckCore(2000, (env) => ({ sandboxes, core } = env))

async function add(input: NewKeyInput): Promise<string> {
  return (await call(core, 'keyhold:keys.add', input)).id
}
const check = (id: string): Promise<CheckRecord> => call(core, 'keyhold:keys.check', { id })

/** A ThreatSTOP error body with whatever `error_code` a hostile or broken server sends. */
function threatstopBody(code: unknown, extra: { detail?: string; requestId?: string; data?: boolean } = {}): string {
  return JSON.stringify({
    ...(extra.data ? { _data: [{ id: 'x' }] } : {}),
    status_code: 404,
    error_description: 'Not found',
    additional_info: { error_code: code, detail: extra.detail ?? 'd' },
    _meta: { request_id: extra.requestId ?? 'req-1' },
  })
}

function collectFinished(): Promise<CheckRunFinished> {
  return new Promise((resolve) => {
    core.events.subscribe((event, payload) => {
      if (event === 'keyhold:checks.finished') resolve(payload as CheckRunFinished)
    })
  })
}

/** The real SQLite connection under the check store, to make one write fail as a full disk or a bad row would. */
function checksDb(): Database {
  return (core.vault.checks() as unknown as { db: Database }).db
}

describe('hostile ThreatSTOP error codes', () => {
  const inherited = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']

  it.each(inherited)('reads error_code "%s" as a code Keyhold does not know (unknown), not a crash', async (code) => {
    const secret = secretFor('ts-hostile')
    sandboxes.threatstop.addKey({ secret })
    const id = await add(keyInputs.threatstop(secret))
    for (const status of [200, 401, 403, 404]) {
      sandboxes.threatstop.setFaults([{ fault: { kind: 'status', status, body: threatstopBody(code, { data: true }) } }])
      const record = await check(id)
      // 401 is documented as "not provided or incorrect" on every page; everything else proves nothing.
      expect(record.outcome).toBe(status === 401 ? 'invalid' : 'unknown')
    }
    expect((await call(core, 'keyhold:keys.history', { id })).length).toBe(4)
  })

  it('check-all with one hostile answer and one failing store write finishes, stores the rest, emits finished, and leaves the host alive', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const secrets = { ok: secretFor('all-ok'), hostile: secretFor('all-hostile'), unstorable: secretFor('all-unstorable'), late: secretFor('all-late') }
      const ids: Record<keyof typeof secrets, string> = { ok: '', hostile: '', unstorable: '', late: '' }
      for (const [name, secret] of Object.entries(secrets) as [keyof typeof secrets, string][]) {
        sandboxes.threatstop.addKey({ secret })
        ids[name] = await add(keyInputs.threatstop(secret))
      }
      sandboxes.threatstop.setFaults([{ fault: { kind: 'status', status: 404, body: threatstopBody('constructor') }, secret: secrets.hostile }])
      // One write fails inside SQLite itself, as a full disk would for that row.
      checksDb().exec(
        `CREATE TEMP TRIGGER fail_one BEFORE INSERT ON checks WHEN NEW.key_id = '${ids.unstorable}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
      )
      const finished = collectFinished()
      const { total } = await call(core, 'keyhold:checks.start', {})
      expect(total).toBe(4)
      const end = await finished
      expect(end).toMatchObject({ done: 4, total: 4, cancelled: false })
      expect(end.counts).toMatchObject({ valid: 3, unknown: 1 })
      expect(end.summary).toBe('3 work, 1 could not be checked — 1 result could not be saved')
      expect(Object.keys(end.counts).sort()).toEqual(['blocked', 'expired', 'invalid', 'limited', 'misconfigured', 'unknown', 'valid'])
      const history = async (id: string) => (await call(core, 'keyhold:keys.history', { id })).map((h) => h.outcome)
      expect(await history(ids.ok)).toEqual(['valid'])
      expect(await history(ids.hostile)).toEqual(['unknown'])
      expect(await history(ids.late)).toEqual(['valid'])
      expect(await history(ids.unstorable)).toEqual([])
      // Still serving: the next call works.
      checksDb().exec('DROP TRIGGER fail_one')
      expect((await check(ids.unstorable)).outcome).toBe('valid')
      await new Promise((r) => setImmediate(r))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('a window subscriber that throws does not stop the run from finishing, nor take the host down', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const secret = secretFor('throwing-window')
      sandboxes.spreeflo.addKey({ secret })
      const id = await add(keyInputs.spreeflo(secret))
      // A host forwarding events to a window that has gone away can throw from inside emit.
      core.events.subscribe((event) => {
        if (event === 'keyhold:checks.progress') throw new Error('window gone')
      })
      const finished = collectFinished()
      await call(core, 'keyhold:checks.start', { ids: [id] })
      expect((await finished).total).toBe(1)
      await new Promise((r) => setImmediate(r))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('the store accepts only the seven outcomes and capped text, whatever a classifier returned', async () => {
    const id = await add(keyInputs.spreeflo(secretFor('store-guard')))
    const base = { id: 'c1', keyId: id, at: 1, outcome: 'valid' as Outcome, httpStatus: 200, latencyMs: 1, requestId: null, detail: null }
    const store = core.vault.checks()
    for (const bad of [
      { ...base, outcome: 'constructor' as Outcome },
      { ...base, outcome: Object as unknown as Outcome },
      { ...base, detail: 'x'.repeat(DETAIL_MAX_CHARS + 1) },
      { ...base, requestId: 'r'.repeat(REQUEST_ID_MAX_CHARS + 1) },
    ]) {
      expect(() => store.add([bad])).toThrow(/not in a form Keyhold stores/)
    }
    expect(store.history(id)).toEqual([])
    store.add([base])
    expect(store.history(id).map((h) => h.outcome)).toEqual(['valid'])
  })
})

describe('no answer is read as more than it proves, on every profile', () => {
  const profiles: ProviderId[] = ['threadeo', 'threatstop', 'spreeflo', 'custom']
  async function keyFor(provider: ProviderId): Promise<string> {
    const secret = secretFor(`rule-${provider}`)
    switch (provider) {
      case 'threadeo':
        return add(keyInputs.threadeo(secret, 'acme', 'TD-RULE'))
      case 'threatstop':
        return add(keyInputs.threatstop(secret))
      case 'spreeflo':
        return add(keyInputs.spreeflo(secret))
      case 'custom':
        return add(keyInputs.custom(secret, sandboxes.custom.url, { kind: 'bearer' }))
    }
  }
  // Statuses no provider documents as "authenticated" or "refused" without a code that says so.
  const bareStatuses = [400, 402, 403, 404, 405, 409, 410, 418, 422, 429, 451, 500, 502, 503, 504]
  const bodies: [string, string | undefined][] = [
    ['no body', ''],
    ['an empty JSON object', '{}'],
    ['the provider’s own generic error body', undefined],
  ]
  const notProof: [string, Fault][] = [
    ['an HTML page with 200', { kind: 'html200' }],
    ['garbage with 200', { kind: 'garbage' }],
    ['a 200 too large to read', { kind: 'huge' }],
    ['a 404 too large to read', { kind: 'huge', status: 404 }],
    ['a 401 too large to read', { kind: 'huge', status: 401 }],
  ]

  it.each(profiles)('%s: bare statuses are never valid/limited nor invalid; a bare 401 is invalid', async (provider) => {
    const id = await keyFor(provider)
    const sandbox = sandboxes[provider]
    const seen: string[] = []
    for (const status of bareStatuses) {
      for (const [label, body] of bodies) {
        const fault: Fault = { kind: 'status', status, ...(body === undefined ? {} : { body }), ...(status === 429 ? { retryAfter: '0' } : {}) }
        sandbox.setFaults([{ fault }])
        const { outcome } = await check(id)
        if (['valid', 'limited', 'invalid'].includes(outcome)) seen.push(`${status} with ${label} → ${outcome}`)
      }
    }
    // Custom's rule is "a 2xx that is not a page works" until its user says more, so only the others read bodies.
    const withBodies: [string, Fault][] =
      provider === 'custom' ? notProof : [...notProof, ['a 200 that names an error', { kind: 'status', status: 200, body: '{"status":"ok","error":"token_expired"}' }]]
    for (const [label, fault] of withBodies) {
      sandbox.setFaults([{ fault }])
      const { outcome, detail } = await check(id)
      if (['valid', 'limited', 'invalid'].includes(outcome)) seen.push(`${label} → ${outcome}`)
      if (fault.kind === 'huge') expect(detail).toMatch(/too large to read/)
    }
    expect(seen).toEqual([])
    for (const body of ['', '{}']) {
      sandbox.setFaults([{ fault: { kind: 'status', status: 401, body } }])
      expect((await check(id)).outcome).toBe('invalid')
    }
  })

  it('honours a ThreatSTOP error code on a 200 that carries data: 11002 is expired, not valid', async () => {
    const secret = secretFor('ts-200-code')
    sandboxes.threatstop.addKey({ secret })
    const id = await add(keyInputs.threatstop(secret))
    const rules: [string, Outcome][] = [
      ['11002', 'expired'],
      ['11001', 'blocked'],
      ['99999', 'unknown'],
    ]
    for (const [code, outcome] of rules) {
      sandboxes.threatstop.setFaults([{ fault: { kind: 'status', status: 200, body: threatstopBody(Number(code), { data: true }) } }])
      expect((await check(id)).outcome).toBe(outcome)
    }
  })
})

describe('provider text is stored and shown printable and capped', () => {
  it('strips controls, bidi overrides, isolates, zero-width and BOM, and caps detail and request id, in the returned and stored record', async () => {
    const secret = secretFor('ts-text')
    sandboxes.threatstop.addKey({ secret })
    const id = await add(keyInputs.threatstop(secret))
    const hostile = '\u202eevil\u202c \u2066iso\u2069 \u0007bell\u001b[31m \u0085c1 \u200bzw\ufeffbom\u200f '
    const detail = hostile + 'A'.repeat(900 * 1024)
    const requestId = `req\u202e\u0000-${'r'.repeat(400)}`
    sandboxes.threatstop.setFaults([{ fault: { kind: 'status', status: 404, body: threatstopBody(11011, { detail, requestId }) } }])
    const returned = await check(id)
    const [stored] = await call(core, 'keyhold:keys.history', { id })
    for (const record of [returned, stored]) {
      expect(record?.outcome).toBe('limited')
      const text = `${record?.detail ?? ''}${record?.requestId ?? ''}`
      expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u)
      expect(record?.detail?.length).toBeLessThanOrEqual(DETAIL_MAX_CHARS)
      expect(record?.detail).toMatch(/^ThreatSTOP error 11011: Not found \(evil iso bell\[31m c1 zwbom AAAA/)
      expect(record?.detail?.endsWith('…')).toBe(true)
      expect(record?.requestId?.length).toBeLessThanOrEqual(REQUEST_ID_MAX_CHARS)
      expect(record?.requestId).toMatch(/^req-r+…$/)
    }
  })
})

describe('Retry-After on 503, over real HTTP with the wait recorded instead of slept', () => {
  async function send(rules: FaultRule[]) {
    const secret = secretFor('sf-503')
    sandboxes.spreeflo.addKey({ secret })
    sandboxes.spreeflo.setFaults(rules)
    const waits: number[] = []
    const before = sandboxes.spreeflo.requestCount()
    const result = await sendCheck(
      { fetch: (input, init) => fetch(input, init), limiter: new RequestLimiter(4, 16), timeoutMs: 2000, sleep: async (ms) => void waits.push(ms) },
      { url: `${sandboxes.spreeflo.url}/ping`, headers: { Authorization: `Bearer ${secret}` }, host: 'spreeflo' },
    )
    return { status: result.kind === 'response' ? result.status : result.kind, waits, requests: sandboxes.spreeflo.requestCount() - before }
  }

  it('waits as a 503’s Retry-After says before trying again', async () => {
    expect(await send([{ fault: { kind: 'status', status: 503, retryAfter: '7' }, times: 1 }])).toEqual({ status: 200, waits: [7000], requests: 2 })
  })

  it('caps the wait at 60 s and tries at most twice more', async () => {
    expect(await send([{ fault: { kind: 'status', status: 503, retryAfter: '3600' } }])).toEqual({ status: 503, waits: [60_000, 60_000], requests: 3 })
  })

  it('shares the two waited retries between 429 and 503', async () => {
    const rules: FaultRule[] = [
      { fault: { kind: 'status', status: 429, retryAfter: '2' }, times: 1 },
      { fault: { kind: 'status', status: 503, retryAfter: '3' } },
    ]
    expect(await send(rules)).toEqual({ status: 503, waits: [2000, 3000], requests: 3 })
  })

  it('keeps the one immediate retry for a 503 without Retry-After', async () => {
    expect(await send([{ fault: { kind: 'status', status: 503 } }])).toEqual({ status: 503, waits: [], requests: 2 })
  })
})

describe('ThreatSTOP Check IOC', () => {
  it('checks with a lookup a working key answers with 200, and says the request is unconfirmed', async () => {
    const secret = secretFor('ts-ioc')
    sandboxes.threatstop.addKey({ secret, services: ['check_ioc'] })
    const before = sandboxes.threatstop.requestCount()
    const record = await check(await add({ name: 'IOC', details: { provider: 'threatstop', service: 'check_ioc' }, secret }))
    expect(record).toMatchObject({ outcome: 'valid', httpStatus: 200 })
    expect(record.sentence).toMatch(/unconfirmed/)
    expect(sandboxes.threatstop.received.slice(before).map((r) => r.path)).toEqual(['/v4.0/check_ioc?ioc=example.com'])
  })

  it('a key without Check IOC is limited by its code, and the other services still list', async () => {
    const secret = secretFor('ts-ioc-perm')
    sandboxes.threatstop.addKey({ secret, services: ['devices'] })
    expect((await check(await add({ name: 'IOC', details: { provider: 'threatstop', service: 'check_ioc' }, secret }))).outcome).toBe('limited')
    expect((await check(await add(keyInputs.threatstop(secret)))).outcome).toBe('valid')
  })
})

describe('check all', () => {
  it('checks each key once when ids repeat, counts each once, and sends one request per key', async () => {
    const secrets = [secretFor('dup-a'), secretFor('dup-b')]
    const ids: string[] = []
    for (const s of secrets) {
      sandboxes.spreeflo.addKey({ secret: s })
      ids.push(await add(keyInputs.spreeflo(s)))
    }
    const [a, b] = ids as [string, string]
    const before = sandboxes.spreeflo.requestCount()
    const finished = collectFinished()
    const { total } = await call(core, 'keyhold:checks.start', { ids: [a, b, a, a, b] })
    expect(total).toBe(2)
    const end = await finished
    expect(end).toMatchObject({ done: 2, total: 2, summary: '2 work' })
    const sent = sandboxes.spreeflo.received.slice(before).map((r) => r.authorization)
    expect(sent.sort()).toEqual(secrets.map((s) => `Bearer ${s}`).sort())
    for (const id of ids) expect((await call(core, 'keyhold:keys.history', { id })).length).toBe(1)
  })
})
