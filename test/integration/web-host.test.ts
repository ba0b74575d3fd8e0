import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LogRecord } from '../../electron/core/diagnostics/log-record'
import { startWebHost } from '../../electron/web/server'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/security'
import { SESSION_HEADER } from '../../electron/shared/web-protocol'
import type { KeyDetail, KeyListEntry, VaultStatus } from '../../electron/shared/dto'
import { sampleKeys, STRONG_PASSWORD } from '../support/fixtures'
import { testCore } from '../support/core'
import { APP_CSS, APP_JS, callApi, INDEX_HTML, openSession, rawRequest, SseReader, startTestHost, type TestHost } from '../support/web-host'

const S = SESSION_HEADER

let t: TestHost
let origin: string
let port: number

beforeEach(async () => {
  t = await startTestHost()
  origin = t.host.origin
  port = t.host.port
})
afterEach(async () => {
  await t.stop()
})

const NOT_AUTHORIZED = { ok: false, error: { code: 'NOT_AUTHORIZED', message: ERROR_MESSAGES.NOT_AUTHORIZED } }
const INVALID_INPUT = { ok: false, error: { code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT } }

/** Refuses a TCP connection to `host` on the test port, or fails the test. */
function connectionError(host: string, to: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: to })
    socket.once('connect', () => {
      socket.destroy()
      reject(new Error(`${host}:${to} accepted a connection`))
    })
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'))
  })
}

function streamOf(res: Response): ReadableStream<Uint8Array> {
  if (!res.body) throw new Error('the event stream has no body')
  return res.body
}

describe('where the web host listens', () => {
  it('binds 127.0.0.1 only: 127.0.0.2 and ::1 on the same port are refused', async () => {
    expect(t.host.origin).toBe(`http://127.0.0.1:${port}`)
    expect(t.host.url).toBe(`http://127.0.0.1:${port}/`)
    expect(port).toBeGreaterThan(0)
    expect(await connectionError('127.0.0.2', port)).toMatch(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH/)
    expect(await connectionError('::1', port)).toMatch(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EAFNOSUPPORT/)
  })

  it('refuses to be asked for any other address', async () => {
    for (const host of ['0.0.0.0', '::', 'localhost', '127.0.0.2', '']) {
      await expect(startWebHost({ core: t.core, rendererDir: t.rendererDir, host })).rejects.toThrow(/127\.0\.0\.1 only/)
    }
  })

  it('makes a fresh 32-byte token per launch', async () => {
    const other = await startWebHost({ core: testCore(join(t.root, 'data2')), rendererDir: t.rendererDir })
    try {
      expect(t.host.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(other.token).not.toBe(t.host.token)
    } finally {
      await other.close()
    }
  })
})

describe('static files', () => {
  it('serves index.html at / with the CSP and every security header', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await fetch(new URL(path, origin))
      expect(res.status).toBe(200)
      expect(await res.text()).toBe(INDEX_HTML)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin')
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
      expect(res.headers.get('set-cookie')).toBeNull()
    }
  })

  it('serves assets with their MIME types, also to localhost:<port>, and 404 for anything else', async () => {
    const js = await fetch(new URL('/assets/app.js', origin))
    expect([js.status, js.headers.get('content-type'), await js.text()]).toEqual([200, 'text/javascript; charset=utf-8', APP_JS])
    const css = await rawRequest(port, { path: '/assets/app.css', headers: { Host: `localhost:${port}` } })
    expect([css.status, css.headers['content-type'], css.body]).toEqual([200, 'text/css; charset=utf-8', APP_CSS])
    for (const path of ['/missing.js', '/assets', '/assets/', '/assets/app.js/x']) {
      expect((await fetch(new URL(path, origin))).status, path).toBe(404)
    }
  })

  it('never serves a file outside the renderer folder, however the path is spelled', async () => {
    const canary = 'CANARY-outside-renderer-dir'
    writeFileSync(join(t.root, 'secret.txt'), canary)
    writeFileSync(join(t.rendererDir, '.env'), canary)
    mkdirSync(join(t.rendererDir, 'linked'))
    symlinkSync(join(t.root, 'secret.txt'), join(t.rendererDir, 'linked', 'secret.txt'))
    const secret = join(t.root, 'secret.txt')
    const paths = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%252e%252e/secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/..%00/secret.txt',
      secret,
      `/${secret}`,
      `/${encodeURIComponent(secret)}`,
      '/linked/secret.txt',
      '/.env',
      '/./index.html',
      '/assets/./app.js',
    ]
    for (const path of paths) {
      const res = await rawRequest(port, { path })
      expect(res.status, path).toBe(404)
      expect(res.body, path).not.toContain(canary)
    }
    // An absolute-form target names another authority than Host; it is refused before routing.
    const absolute = await rawRequest(port, { path: `http://127.0.0.1:${port}/../secret.txt` })
    expect(absolute.status).toBe(421)
    expect(absolute.body).not.toContain(canary)
  })
})

describe('the one-time token', () => {
  const exchange = (headers: Record<string, string>) =>
    fetch(new URL('/session', origin), { method: 'POST', headers: { Origin: origin, ...headers } })

  it('refuses no token and a wrong token without setting a cookie', async () => {
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer ' }, { Authorization: 'Bearer wrong' }, { Authorization: `Basic ${t.host.token}` }, { Authorization: `Bearer ${t.host.token}x` }]
    for (const headers of attempts) {
      const res = await exchange(headers)
      expect(res.status).toBe(401)
      expect(res.headers.get('set-cookie')).toBeNull()
      expect(await res.json()).toEqual(NOT_AUTHORIZED)
    }
  })

  it('gives the right token a session credential in the body, never in a cookie, once', async () => {
    const first = await exchange({ Authorization: `Bearer ${t.host.token}` })
    expect(first.status).toBe(200)
    expect(first.headers.get('set-cookie')).toBeNull()
    const body = (await first.json()) as { ok: true; value: { session: string } }
    expect(Object.keys(body.value)).toEqual(['session'])
    expect(body.value.session).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(body.value.session).not.toBe(t.host.token)

    const second = await exchange({ Authorization: `Bearer ${t.host.token}` })
    expect(second.status).toBe(401)
    expect(second.headers.get('set-cookie')).toBeNull()

    expect((await callApi(t.host, body.value.session, 'keyhold:vault.status')).status).toBe(200)
  })

  it('refuses the exchange from a foreign Origin, and does not spend the token on it', async () => {
    const res = await exchange({ Authorization: `Bearer ${t.host.token}`, Origin: 'http://evil.com' })
    expect(res.status).toBe(403)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await openSession(t.host)).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})

describe('who may call the API', () => {
  let session: string
  beforeEach(async () => {
    session = await openSession(t.host)
  })

  it('refuses a missing or wrong session credential with 401', async () => {
    const forged = `${session.slice(0, -1)}${session.endsWith('A') ? 'B' : 'A'}`
    for (const bad of ['', 'forged', forged, `${session}x`, `${session} ${session}`, `Bearer ${session}`, session.slice(1)]) {
      const res = await callApi(t.host, bad, 'keyhold:vault.status')
      expect(res.status, bad).toBe(401)
      expect(JSON.parse(res.text)).toEqual(NOT_AUTHORIZED)
    }
    expect((await callApi(t.host, session, 'keyhold:vault.status')).status).toBe(200)
  })

  it('takes the credential from its header only: in a cookie (the old way) or the URL it opens nothing', async () => {
    const cookies = [`keyhold_session=${session}`, `${S}=${session}`, session]
    for (const cookie of cookies) {
      const res = await rawRequest(port, {
        method: 'POST',
        path: '/api/keyhold:keys.list',
        headers: { Origin: origin, Cookie: cookie, 'Content-Type': 'application/json' },
        body: '{}',
      })
      expect(res.status, cookie).toBe(401)
      expect(JSON.parse(res.body)).toEqual(NOT_AUTHORIZED)
      const events = await rawRequest(port, { path: '/events', headers: { Cookie: cookie } })
      expect(events.status, cookie).toBe(401)
    }
    for (const query of [`?session=${session}`, `?${S}=${session}`]) {
      const res = await rawRequest(port, { method: 'POST', path: `/api/keyhold:keys.list${query}`, headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{}' })
      expect(res.status, query).toBe(401)
    }
  })

  it('refuses a foreign Host on every route, with no detail in the body', async () => {
    const body = JSON.stringify({})
    for (const host of ['evil.com', `evil.com:${port}`, '127.0.0.1:1', '127.0.0.1', `127.0.0.2:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, `127.0.0.1:${port}.evil.com`]) {
      const requests: { path: string; method?: string; body?: string; headers?: Record<string, string> }[] = [
        { path: '/' },
        { path: '/assets/app.js' },
        { path: '/api/keyhold:vault.status', method: 'POST', body, headers: { Host: host, Origin: `http://${host}`, [S]: session, 'Content-Type': 'application/json' } },
        { path: '/events', headers: { Host: host, [S]: session } },
      ]
      for (const request of requests) {
        const res = await rawRequest(port, { ...request, headers: { Host: host, ...request.headers } })
        expect([421, 403], `${host} ${request.path}`).toContain(res.status)
        expect(JSON.parse(res.body)).toEqual(NOT_AUTHORIZED)
        expect(res.body).not.toContain(host)
      }
    }
    // Node itself answers 400 to an HTTP/1.1 request without Host, before the host's own check.
    const noHost = await rawRequest(port, { path: '/', setHost: false })
    expect([400, 421, 403]).toContain(noHost.status)
    expect(noHost.body).not.toContain(INDEX_HTML)
  })

  it('refuses a POST from any other Origin, or with none, with 403', async () => {
    const origins = ['http://evil.com', 'null', `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, `http://localhost:${port}`, `${origin}/`, `http://127.0.0.1`]
    for (const o of origins) {
      const res = await callApi(t.host, session, 'keyhold:vault.status', undefined, { Origin: o })
      expect(res.status, o).toBe(403)
      expect(JSON.parse(res.text)).toEqual(NOT_AUTHORIZED)
    }
    const missing = await rawRequest(port, {
      method: 'POST',
      path: '/api/keyhold:vault.status',
      headers: { [S]: session, 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(missing.status).toBe(403)
    // The page may be reached as localhost too: its Origin then matches that Host.
    const viaLocalhost = await rawRequest(port, {
      method: 'POST',
      path: '/api/keyhold:vault.status',
      headers: { Host: `localhost:${port}`, Origin: `http://localhost:${port}`, [S]: session, 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(viaLocalhost.status).toBe(200)
  })

  it('answers wrong Content-Type 415, oversized body 413, unknown channel 404, bad JSON 400', async () => {
    const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      rawRequest(port, { method: 'POST', path, body, headers: { Origin: origin, [S]: session, 'Content-Type': 'application/json', ...headers } })

    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/jsonp']) {
      const res = await post('/api/keyhold:vault.status', '{}', { 'Content-Type': type })
      expect(res.status, type).toBe(415)
    }
    const noType = await rawRequest(port, { method: 'POST', path: '/api/keyhold:vault.status', body: '{}', headers: { Origin: origin, [S]: session } })
    expect(noType.status).toBe(415)
    expect((await post('/api/keyhold:vault.status', '{}', { 'Content-Type': 'application/json; charset=UTF-8' })).status).toBe(200)

    const huge = JSON.stringify({ input: { password: 'x'.repeat(64 * 1024) } })
    const declared = await post('/api/keyhold:vault.assessPassword', huge)
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body)).toEqual(INVALID_INPUT)
    // Without a declared length the body is counted as it arrives.
    const chunked = await rawRequest(port, {
      method: 'POST',
      path: '/api/keyhold:vault.assessPassword',
      body: huge,
      headers: { Origin: origin, [S]: session, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
    })
    expect(chunked.status).toBe(413)

    for (const channel of ['keyhold:vault.nope', 'keyhold:', 'vault.status', 'constructor', '__proto__', 'toString', '../session']) {
      const res = await post(`/api/${channel}`, '{}')
      expect(res.status, channel).toBe(404)
      expect(JSON.parse(res.body)).toEqual(INVALID_INPUT)
    }

    for (const body of ['{', 'not json', '', '[]', '"input"', 'null', '{"input":1,"extra":2}', Buffer.from([0x7b, 0xff, 0x7d])]) {
      const res = await post('/api/keyhold:vault.status', body)
      expect(res.status, String(body)).toBe(400)
      expect(JSON.parse(res.body)).toEqual(INVALID_INPUT)
    }
  })

  it('answers core errors as 200 Result envelopes, and no other method than POST', async () => {
    const res = await callApi(t.host, session, 'keyhold:keys.list')
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toEqual({ ok: false, error: { code: 'VAULT_LOCKED', message: ERROR_MESSAGES.VAULT_LOCKED } })
    const invalid = await callApi(t.host, session, 'keyhold:vault.create', { password: 42 })
    expect(JSON.parse(invalid.text)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const r = await rawRequest(port, { method, path: '/api/keyhold:vault.status', headers: { Origin: origin, [S]: session } })
      expect(r.status, method).toBe(405)
    }
  })

  it('answers a handler that throws (a bug) with the INTERNAL sentence, and leaves its channel and frames in the diagnostics log', async () => {
    const canary = 'CANARY-web-host-bug'
    // Core's handlers answer envelopes; this stands in for one that does not.
    ;(t.core.handlers as Record<string, unknown>)['keyhold:vault.status'] = async () => {
      throw new TypeError(`bug near ${canary}`)
    }
    const res = await callApi(t.host, session, 'keyhold:vault.status')
    expect(res.status).toBe(500)
    expect(JSON.parse(res.text)).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } })
    const log = readFileSync(join(t.core.paths.dataDir, 'logs', 'keyhold.log'), 'utf8')
    expect(log).not.toContain(canary)
    const record = log.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogRecord).find((r) => r.channel === 'keyhold:vault.status')
    expect(record).toMatchObject({ level: 'error', error: { name: 'TypeError', code: 'INTERNAL' } })
    expect(record?.error?.frames?.[0]).toMatch(/web-host\.test\.ts:\d+:\d+/)
  })
})

describe('the contract over HTTP', () => {
  it('runs status → create → add → list, and never answers the secret', async () => {
    const session = await openSession(t.host)
    const bodies: string[] = []
    const call = async <T>(channel: string, input?: unknown): Promise<T> => {
      const res = await callApi(t.host, session, channel, input)
      bodies.push(res.text)
      expect(res.status).toBe(200)
      const result = JSON.parse(res.text) as { ok: true; value: T } | { ok: false; error: unknown }
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
      return result.value
    }

    expect(await call<VaultStatus>('keyhold:vault.status')).toEqual({ state: 'absent' })
    expect(await call<VaultStatus>('keyhold:vault.create', { password: STRONG_PASSWORD })).toMatchObject({ state: 'unlocked' })
    const [input] = sampleKeys('WEB1')
    if (!input) throw new Error('sampleKeys gave no key')
    const added = await call<KeyDetail>('keyhold:keys.add', input)
    expect(added).toMatchObject({ name: input.name, provider: 'threadeo', hasSecret: true })
    const list = await call<KeyListEntry[]>('keyhold:keys.list')
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ id: added.id, name: input.name })
    expect(await call<KeyDetail>('keyhold:keys.get', { id: added.id })).toMatchObject({ id: added.id })

    for (const body of bodies) {
      expect(body).not.toContain(input.secret)
      expect(body).not.toContain(STRONG_PASSWORD)
    }
  })
})

describe('events over SSE', () => {
  it('needs the session header and a same-origin fetch', async () => {
    const none = await fetch(new URL('/events', origin))
    expect(none.status).toBe(401)
    const session = await openSession(t.host)
    const crossSite = await fetch(new URL('/events', origin), { headers: { [S]: session, 'Sec-Fetch-Site': 'cross-site' } })
    expect(crossSite.status).toBe(403)
    const sameSite = await fetch(new URL('/events', origin), { headers: { [S]: session, 'Sec-Fetch-Site': 'same-site' } })
    expect(sameSite.status).toBe(403)
  })

  it('delivers keyhold:vault.changed when the vault is locked through the API', async () => {
    const session = await openSession(t.host)
    await callApi(t.host, session, 'keyhold:vault.create', { password: STRONG_PASSWORD })

    const controller = new AbortController()
    const res = await fetch(new URL('/events', origin), { headers: { [S]: session, 'Sec-Fetch-Site': 'same-origin' }, signal: controller.signal })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    const events = new SseReader(streamOf(res))

    // The headers arrived, so the stream is subscribed before the lock below.
    const locked = await callApi(t.host, session, 'keyhold:vault.lock')
    expect(JSON.parse(locked.text)).toMatchObject({ ok: true, value: { state: 'locked' } })
    const event = await events.next((e) => e.event === 'keyhold:vault.changed')
    expect(JSON.parse(event.data)).toEqual({ status: { state: 'locked' }, reason: 'user' })
    controller.abort()
  })

  it('ends open streams when the host closes', async () => {
    const session = await openSession(t.host)
    const res = await fetch(new URL('/events', origin), { headers: { [S]: session } })
    const events = new SseReader(streamOf(res))
    const closed = t.host.close()
    // The stream is ended but not yet closed: a core event now must be skipped, since a write
    // after end() would raise an uncaught error and take the whole host down.
    t.core.events.emit('keyhold:keys.changed', { ids: [] })
    await closed
    await expect(events.next()).rejects.toThrow()
  })
})

describe('how long a session lives', () => {
  it('ends when the vault locks itself for lack of use: the stream closes, calls answer 401, a new token opens the next one', async () => {
    const ended: { reason: string; token: string }[] = []
    const idle = await startTestHost({ idleLockMs: 300, onSessionEnded: (reason, token) => ended.push({ reason, token }) })
    try {
      const firstToken = idle.host.token
      const session = await openSession(idle.host)
      await callApi(idle.host, session, 'keyhold:vault.create', { password: STRONG_PASSWORD })
      const res = await fetch(new URL('/events', idle.host.origin), { headers: { [S]: session } })
      const events = new SseReader(streamOf(res))
      // The lock's own event still reaches the page, then the stream ends with the session.
      const locked = await events.next((e) => e.event === 'keyhold:vault.changed')
      expect(JSON.parse(locked.data)).toMatchObject({ reason: 'idle' })
      await expect(events.next()).rejects.toThrow('the event stream ended')

      const after = await callApi(idle.host, session, 'keyhold:vault.status')
      expect(after.status).toBe(401)
      expect(JSON.parse(after.text)).toEqual(NOT_AUTHORIZED)
      expect((await fetch(new URL('/events', idle.host.origin), { headers: { [S]: session } })).status).toBe(401)

      expect(ended).toHaveLength(1)
      expect(ended[0]?.reason).toBe('idle-lock')
      expect(ended[0]?.token).toBe(idle.host.token)
      expect(idle.host.token).not.toBe(firstToken)
      const spent = await fetch(new URL('/session', idle.host.origin), { method: 'POST', headers: { Origin: idle.host.origin, Authorization: `Bearer ${firstToken}` } })
      expect(spent.status).toBe(401)
      const next = await openSession(idle.host)
      expect(next).not.toBe(session)
      expect((await callApi(idle.host, next, 'keyhold:vault.status')).status).toBe(200)
    } finally {
      await idle.stop()
    }
  })

  it('ends when a new address is taken: the old stream closes at once and its calls answer 401', async () => {
    const session = await openSession(t.host)
    const res = await fetch(new URL('/events', origin), { headers: { [S]: session } })
    const events = new SseReader(streamOf(res))
    t.host.renewToken()
    // Asking for a new address alone leaves the open window be.
    expect((await callApi(t.host, session, 'keyhold:vault.status')).status).toBe(200)
    const next = await openSession(t.host)
    await expect(events.next()).rejects.toThrow('the event stream ended')
    expect((await callApi(t.host, session, 'keyhold:vault.status')).status).toBe(401)
    expect((await fetch(new URL('/events', origin), { headers: { [S]: session } })).status).toBe(401)
    expect((await callApi(t.host, next, 'keyhold:vault.status')).status).toBe(200)
  })

  it('does not end when the person locks the vault themselves', async () => {
    const session = await openSession(t.host)
    await callApi(t.host, session, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await callApi(t.host, session, 'keyhold:vault.lock')
    expect((await callApi(t.host, session, 'keyhold:vault.status')).status).toBe(200)
  })

  it('ends after going unused for its idle lifetime, even with the vault locked', async () => {
    let ended!: (reason: string) => void
    const endedWith = new Promise<string>((resolve) => (ended = resolve))
    const unused = await startTestHost({ sessionIdleMs: 200, onSessionEnded: (reason) => ended(reason) })
    try {
      const session = await openSession(unused.host)
      expect((await callApi(unused.host, session, 'keyhold:vault.status')).status).toBe(200)
      expect(await endedWith).toBe('unused')
      expect((await callApi(unused.host, session, 'keyhold:vault.status')).status).toBe(401)
    } finally {
      await unused.stop()
    }
  })

  it('ends with the host: a closed host opens no session and its old one is refused by the next launch', async () => {
    const session = await openSession(t.host)
    const token = t.host.token
    await t.host.close()
    const next = await startWebHost({ core: testCore(join(t.root, 'data3')), rendererDir: t.rendererDir })
    try {
      expect((await callApi(next, session, 'keyhold:vault.status')).status).toBe(401)
      const reused = await fetch(new URL('/session', next.origin), { method: 'POST', headers: { Origin: next.origin, Authorization: `Bearer ${token}` } })
      expect(reused.status).toBe(401)
    } finally {
      await next.close()
    }
  })
})
