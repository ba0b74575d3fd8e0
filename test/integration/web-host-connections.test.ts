import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionLimits } from '../../electron/web/connection-limits'
import { DEFAULT_CONNECTION_LIMITS } from '../../electron/web/connection-limits'
import { MAX_BODY_BYTES } from '../../electron/web/api-route'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { SESSION_HEADER, WEB_EVENTS_PATH } from '../../electron/shared/web-protocol'
import { callApi, openIdleConnections, openSession, RawConnection, SseReader, startTestHost, within, type TestHost } from '../support/web-host'

// Real sockets against a real host. Every wait is on an event (a 'close', an answer); `within`
// only bounds how long the test lets the host take, well under Node's own defaults (headers
// 60 s, keep-alive 5 s, request 300 s), so a limit that is not applied fails here.

const SHORT_MS = 300
// What a loaded two-core machine may add to a 300 ms timer, still far from any Node default.
const BOUND_MS = 3_000

let t: TestHost | undefined
const connections: RawConnection[] = []
afterEach(async () => {
  for (const c of connections.splice(0)) c.destroy()
  await t?.stop()
  t = undefined
})

async function host(limits: Partial<ConnectionLimits>): Promise<TestHost> {
  t = await startTestHost({ connections: limits })
  return t
}

function raw(port: number): RawConnection {
  const c = new RawConnection(port)
  connections.push(c)
  return c
}

function head(port: number, method: string, path: string, headers: Record<string, string | number> = {}): string {
  const lines = Object.entries({ Host: `127.0.0.1:${port}`, ...headers }).map(([name, value]) => `${name}: ${value}\r\n`)
  return `${method} ${path} HTTP/1.1\r\n${lines.join('')}\r\n`
}

/** Writes `text` a byte every `everyMs` until the connection closes; resolves how many bytes went out. */
function trickle(c: RawConnection, text: string, everyMs: number): Promise<number> {
  let sent = 0
  const timer = setInterval(() => {
    if (sent < text.length && !c.socket.destroyed) c.socket.write(text[sent++] ?? '')
  }, everyMs)
  return c.closed.then(() => {
    clearInterval(timer)
    return sent
  })
}

const NOT_AUTHORIZED = { ok: false, error: { code: 'NOT_AUTHORIZED', message: ERROR_MESSAGES.NOT_AUTHORIZED } }
const INVALID_INPUT = { ok: false, error: { code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT } }

describe('connections that ask for nothing are closed', () => {
  it('a socket that never sends a byte is closed within the header timeout', async ({ annotate }) => {
    const { host: h } = await host({ headersTimeoutMs: SHORT_MS })
    const silent = raw(h.port)
    await silent.opened
    const after = await within(silent.closed, BOUND_MS, 'the silent socket closed')
    expect(silent.hostClosed).toBe(true)
    expect(after).toBeGreaterThanOrEqual(SHORT_MS - 20)
    await annotate(`silent socket closed by the host after ${Math.round(after)} ms (header timeout ${SHORT_MS} ms)`, 'figures')
  })

  it('a head sent one byte at a time, slower than the header timeout allows, is answered 408 and closed', async ({ annotate }) => {
    // Long keep-alive, so that on the kept-alive connection only the header timeout can act.
    const { host: h } = await host({ headersTimeoutMs: SHORT_MS, keepAliveTimeoutMs: 60_000, requestTimeoutMs: 60_000 })
    const slow = head(h.port, 'GET', '/')
    // On a fresh connection: the head has not arrived within the header timeout of connecting.
    const fresh = raw(h.port)
    await fresh.opened
    const freshSent = await within(trickle(fresh, slow, 50), BOUND_MS, 'the fresh slowloris closed')
    expect(freshSent).toBeLessThan(slow.length)
    // On a connection that has already been served (where only Node's header timeout applies).
    const kept = raw(h.port)
    await kept.opened
    await kept.write(slow)
    expect((await kept.response()).status).toBe(200)
    const answer = kept.response()
    const keptSent = await within(trickle(kept, slow, 50), BOUND_MS, 'the kept-alive slowloris closed')
    expect(keptSent).toBeLessThan(slow.length)
    expect((await answer).status).toBe(408)
    await annotate(`slowloris at 1 byte / 50 ms closed after ${freshSent} (fresh) and ${keptSent} (kept-alive) of ${slow.length} head bytes`, 'figures')
  })

  it('a served connection left idle is closed within the keep-alive timeout', async ({ annotate }) => {
    const { host: h } = await host({ keepAliveTimeoutMs: SHORT_MS })
    const c = raw(h.port)
    await c.opened
    await c.write(head(h.port, 'GET', '/'))
    const served = await c.response()
    expect([served.status, served.headers.connection]).toEqual([200, 'keep-alive'])
    const answeredAt = performance.now()
    await within(c.closed, BOUND_MS, 'the idle kept-alive connection closed')
    expect(c.hostClosed).toBe(true)
    await annotate(`idle kept-alive connection closed ${Math.round(performance.now() - answeredAt)} ms after its answer (keep-alive ${SHORT_MS} ms)`, 'figures')
  })

  it('a body that trickles in is answered 408 and closed at the request timeout', async () => {
    const { host: h } = await host({ headersTimeoutMs: SHORT_MS, requestTimeoutMs: 2 * SHORT_MS })
    const session = await openSession(h)
    const c = raw(h.port)
    await c.opened
    const body = JSON.stringify({ input: 'x'.repeat(200) })
    await c.write(
      head(h.port, 'POST', '/api/keyhold:vault.status', { Origin: h.origin, [SESSION_HEADER]: session, 'Content-Type': 'application/json', 'Content-Length': body.length }),
    )
    const answer = c.response()
    const sent = await within(trickle(c, body, 50), BOUND_MS, 'the trickling request closed')
    expect(sent).toBeLessThan(body.length)
    expect((await answer).status).toBe(408)
  })
})

describe('at the connection cap the longest-idle connection gives way', () => {
  const CAP = 20
  // Long timeouts: here only the cap may close anything.
  const capped = { maxConnections: CAP, headersTimeoutMs: 60_000, requestTimeoutMs: 60_000, keepAliveTimeoutMs: 60_000 }

  it(`with 60 idle sockets open against a cap of ${CAP}, the oldest are closed and a new authenticated request succeeds`, async ({ annotate }) => {
    const { host: h } = await host(capped)
    const session = await openSession(h)
    const flood = await openIdleConnections(h.port, 60, 1)
    connections.push(...flood)
    // Every connection past the cap closed the oldest idle one: the first 40 (the session's own,
    // kept alive by fetch, went first of all).
    await within(Promise.all(flood.slice(0, 60 - CAP).map((c) => c.closed)), BOUND_MS, 'the 40 oldest closed')
    const started = performance.now()
    const res = await callApi(h, session, 'keyhold:vault.status')
    expect(res.status).toBe(200)
    // The request's own connection made room by closing the next oldest, not the newest.
    await within(flood[60 - CAP]?.closed ?? Promise.reject(new Error('no 41st socket')), BOUND_MS, 'the 41st closed')
    expect(flood.slice(0, 60 - CAP + 1).every((c) => c.hostClosed)).toBe(true)
    await annotate(`cap ${CAP}, 60 idle sockets: ${60 - CAP + 1} closed oldest-first, authenticated call answered in ${Math.round(performance.now() - started)} ms`, 'figures')
  })

  it('counts idleness from a connection’s last answer, not its opening: the page’s kept-alive connection outlives an older flood', async () => {
    const { host: h } = await host(capped)
    const page = raw(h.port)
    await page.opened
    const flood = await openIdleConnections(h.port, CAP - 1, 1)
    connections.push(...flood)
    // The oldest connection of all, but it has just been answered.
    await page.write(head(h.port, 'GET', '/'))
    expect((await page.response()).status).toBe(200)
    const more = await openIdleConnections(h.port, CAP / 2, 1)
    connections.push(...more)
    await within(Promise.all(flood.slice(0, CAP / 2).map((c) => c.closed)), BOUND_MS, 'the older flood closed')
    await page.write(head(h.port, 'GET', '/'))
    expect((await page.response()).status).toBe(200)
    expect(page.hostClosed).toBe(false)
  })

  it('never closes a busy connection: the open event stream still delivers through a flood', async () => {
    const { host: h, core } = await host(capped)
    const session = await openSession(h)
    const res = await fetch(new URL(WEB_EVENTS_PATH, h.origin), { headers: { [SESSION_HEADER]: session } })
    if (res.body === null) throw new Error('the event stream has no body')
    const stream = new SseReader(res.body)
    const flood = await openIdleConnections(h.port, 3 * CAP, 1)
    connections.push(...flood)
    await within(Promise.all(flood.slice(0, 2 * CAP).map((c) => c.closed)), BOUND_MS, 'the flood evicted itself')
    core.events.emit('keyhold:keys.changed', { ids: [] })
    const event = await within(stream.next(), BOUND_MS, 'the event arrived')
    expect(event.event).toBe('keyhold:keys.changed')
    await stream.cancel()
  })

  it('refuses a new connection only when every open one is busy', async () => {
    const { host: h } = await host({ ...capped, maxConnections: 2 })
    const session = await openSession(h)
    const streams: AbortController[] = []
    // The session exchange's kept-alive connection gives way to the two streams.
    for (let i = 0; i < 2; i++) {
      const abort = new AbortController()
      streams.push(abort)
      const res = await fetch(new URL(WEB_EVENTS_PATH, h.origin), { headers: { [SESSION_HEADER]: session }, signal: abort.signal })
      expect(res.status).toBe(200)
    }
    const refused = raw(h.port)
    await refused.opened
    await within(refused.closed, BOUND_MS, 'the third connection closed')
    expect(refused.hostClosed).toBe(true)
    for (const abort of streams) abort.abort()
  })
})

describe('an upload is refused as soon as its head arrives', () => {
  const FIFTY_MB = 50_000_000

  async function refusedBeforeBody(h: TestHost['host'], headers: Record<string, string | number>, path = '/api/keyhold:vault.status') {
    const c = raw(h.port)
    await c.opened
    const sentAt = performance.now()
    // The head only: not one byte of the 50 MB follows.
    await c.write(head(h.port, 'POST', path, { 'Content-Type': 'application/json', 'Content-Length': FIFTY_MB, ...headers }))
    const answer = await within(c.response(), BOUND_MS, 'the refusal arrived')
    await within(c.closed, BOUND_MS, 'the host closed the connection')
    expect(c.hostClosed).toBe(true)
    expect(answer.headers.connection).toBe('close')
    return { ...answer, ms: performance.now() - sentAt }
  }

  it('unauthenticated (no session, a foreign Origin, a wrong token): 401/403 with the body unsent, and the connection closed', async ({ annotate }) => {
    const { host: h } = await host({})
    const session = await openSession(h)
    const noSession = await refusedBeforeBody(h, { Origin: h.origin })
    expect([noSession.status, JSON.parse(noSession.body)]).toEqual([401, NOT_AUTHORIZED])
    const foreign = await refusedBeforeBody(h, { Origin: 'http://evil.example', [SESSION_HEADER]: session })
    expect([foreign.status, JSON.parse(foreign.body)]).toEqual([403, NOT_AUTHORIZED])
    const badToken = await refusedBeforeBody(h, { Origin: h.origin, Authorization: 'Bearer wrong' }, '/session')
    expect(badToken.status).toBe(401)
    await annotate(`50 MB unauthenticated upload refused ${Math.round(noSession.ms)} ms after its head, 0 body bytes sent`, 'figures')
    // None of it spent or changed the session.
    expect((await callApi(h, session, 'keyhold:vault.status')).status).toBe(200)
  })

  it('authenticated but declared oversized: 413 with the body unsent, and the connection closed', async () => {
    const { host: h } = await host({})
    const session = await openSession(h)
    const tooLarge = await refusedBeforeBody(h, { Origin: h.origin, [SESSION_HEADER]: session })
    expect([tooLarge.status, JSON.parse(tooLarge.body)]).toEqual([413, INVALID_INPUT])
  })

  it('a body on a request that takes none (a static file) is not read either: the answer closes the connection', async () => {
    const { host: h } = await host({})
    const c = raw(h.port)
    await c.opened
    await c.write(head(h.port, 'GET', '/', { 'Content-Length': FIFTY_MB }))
    const answer = await within(c.response(), BOUND_MS, 'the page arrived')
    expect([answer.status, answer.headers.connection]).toEqual([200, 'close'])
    await within(c.closed, BOUND_MS, 'the host closed the connection')
  })

  it('`Expect: 100-continue` gets the refusal, never an invitation to send the body; a caller that passes gets 100 first', async () => {
    const { host: h } = await host({})
    const session = await openSession(h)
    const refused = await refusedBeforeBody(h, { Origin: h.origin, Expect: '100-continue' })
    expect(refused.status).toBe(401)

    const c = raw(h.port)
    await c.opened
    const body = JSON.stringify({})
    const headers = { Origin: h.origin, [SESSION_HEADER]: session, 'Content-Type': 'application/json', 'Content-Length': body.length }
    await c.write(head(h.port, 'POST', '/api/keyhold:vault.status', { ...headers, Expect: '100-continue' }))
    expect((await c.response()).status).toBe(100)
    await c.write(body)
    const answer = await c.response()
    expect(answer.status).toBe(200)
    expect(answer.headers.connection).not.toBe('close')
    // A body read in full leaves the connection open for the page's next call.
    await c.write(head(h.port, 'POST', '/api/keyhold:vault.status', headers) + body)
    expect((await c.response()).status).toBe(200)
    expect(c.hostClosed).toBe(false)
  })

  it('a chunked body is cut off as soon as it crosses the limit: 413 without its end, and the connection closed', async ({ annotate }) => {
    const { host: h } = await host({})
    const session = await openSession(h)
    const c = raw(h.port)
    await c.opened
    await c.write(
      head(h.port, 'POST', '/api/keyhold:vault.assessPassword', { Origin: h.origin, [SESSION_HEADER]: session, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }),
    )
    // A little past the limit and no closing chunk: only counting as it arrives can answer this.
    const chunk = Buffer.alloc(16 * 1024, 0x20)
    let sent = 0
    while (sent <= MAX_BODY_BYTES) {
      await c.write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]))
      sent += chunk.length
    }
    const answer = await within(c.response(), BOUND_MS, 'the 413 arrived')
    expect([answer.status, JSON.parse(answer.body), answer.headers.connection]).toEqual([413, INVALID_INPUT, 'close'])
    await within(c.closed, BOUND_MS, 'the host closed the connection')
    await annotate(`chunked upload cut off after ${sent} body bytes (limit ${MAX_BODY_BYTES})`, 'figures')
  })
})

describe('the real defaults', () => {
  it('with 1,100 idle sockets open, a new authenticated request still succeeds', async ({ annotate }) => {
    const { host: h } = await host({})
    const session = await openSession(h)
    const flood = await openIdleConnections(h.port, 1_100)
    connections.push(...flood)
    const cap = DEFAULT_CONNECTION_LIMITS.maxConnections
    // The session exchange's kept-alive connection and the oldest of the flood gave way, long
    // before the 10 s header timeout could have closed any of them.
    await within(Promise.all(flood.slice(0, 1_100 - cap).map((c) => c.closed)), BOUND_MS, 'the oldest closed')
    const started = performance.now()
    const res = await callApi(h, session, 'keyhold:vault.status')
    const ms = performance.now() - started
    expect(res.status).toBe(200)
    const stillOpen = flood.filter((c) => !c.hostClosed).length
    await annotate(`defaults (cap ${cap}): 1,100 idle sockets, ${1_100 - stillOpen} closed by the host, authenticated call answered in ${Math.round(ms)} ms`, 'figures')
  })
})
