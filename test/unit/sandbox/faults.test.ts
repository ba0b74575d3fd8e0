import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HUGE_BODY_BYTES, startCatcher, startSandbox, type Catcher, type Sandbox } from '../../sandbox'
import { bearer, bodyOf, requestIdOf } from './helpers'

let catcher: Catcher
let sandbox: Sandbox

beforeAll(async () => {
  catcher = await startCatcher()
  sandbox = await startSandbox('spreeflo', { catcherUrl: catcher.url })
  sandbox.addKey({ secret: 'fault-a' })
  sandbox.addKey({ secret: 'fault-b' })
})
afterAll(async () => {
  await Promise.all([sandbox.close(), catcher.close()])
})

const ping = (secret = 'fault-a', init: RequestInit = {}): Promise<Response> =>
  fetch(`${sandbox.url}/ping`, { headers: bearer(secret), ...init })

describe('fault rules', () => {
  it('answers a status fault with Retry-After and the provider’s own error body', async () => {
    sandbox.setFaults([{ fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1 }])
    const res = await ping()
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('1')
    expect(await bodyOf(res)).toEqual({ error: 'too_many_requests', request_id: requestIdOf(res) })
    expect((await ping()).status).toBe(200)
  })

  it.each([500, 503])('answers %i, with a given body verbatim', async (status) => {
    sandbox.setFaults([{ fault: { kind: 'status', status, body: 'upstream is down' } }])
    const res = await ping()
    expect(res.status).toBe(status)
    expect(res.headers.get('retry-after')).toBeNull()
    expect(await res.text()).toBe('upstream is down')
    sandbox.setFaults([])
  })

  it('counts `times`, then answers normally; [] clears the rules', async () => {
    sandbox.setFaults([{ fault: { kind: 'status', status: 503 }, times: 2 }])
    expect([(await ping()).status, (await ping()).status, (await ping()).status]).toEqual([503, 503, 200])
    sandbox.setFaults([{ fault: { kind: 'status', status: 500 } }])
    expect((await ping()).status).toBe(500)
    sandbox.setFaults([])
    expect((await ping()).status).toBe(200)
  })

  it('applies `times` per credential with perKey: each key’s first request is 429, its second normal', async () => {
    sandbox.setFaults([{ fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1, perKey: true }])
    const statuses = []
    for (const secret of ['fault-a', 'fault-a', 'fault-b', 'fault-b', 'fault-a']) statuses.push((await ping(secret)).status)
    expect(statuses).toEqual([429, 200, 429, 200, 200])
    sandbox.setFaults([])
  })

  it('binds a rule to one key with `secret`: only that key’s requests get the fault', async () => {
    sandbox.setFaults([{ fault: { kind: 'status', status: 418, body: 'teapot' }, secret: 'fault-b' }])
    const statuses = []
    for (const secret of ['fault-a', 'fault-b', 'fault-a', 'fault-b']) statuses.push((await ping(secret)).status)
    expect(statuses).toEqual([200, 418, 200, 418])
    expect((await fetch(`${sandbox.url}/ping`, { headers: { 'x-api-key': 'fault-b' } })).status).toBe(418)
    sandbox.setFaults([])
  })

  it('reads a list as a script: the first rule with uses left applies', async () => {
    sandbox.setFaults([{ fault: { kind: 'status', status: 500 }, times: 1 }, { fault: { kind: 'html200' }, times: 1 }])
    expect([(await ping()).status, (await ping()).headers.get('content-type'), (await ping()).status]).toEqual([
      500,
      'text/html; charset=utf-8',
      200,
    ])
  })

  it('applies before authentication: a request with no credential gets the fault too', async () => {
    sandbox.setFaults([{ fault: { kind: 'status', status: 503 }, times: 1 }])
    expect((await fetch(`${sandbox.url}/ping`)).status).toBe(503)
  })

  it('refuses malformed rules and a redirect with nowhere to go', async () => {
    expect(() => sandbox.setFaults([{ fault: { kind: 'latency', ms: -1 } }])).toThrow()
    expect(() => sandbox.setFaults([{ fault: { kind: 'status', status: 99 } }])).toThrow()
    const lonely = await startSandbox('custom')
    try {
      expect(() => lonely.setFaults([{ fault: { kind: 'redirect' } }])).toThrow(/catcher/)
    } finally {
      await lonely.close()
    }
  })
})

describe('fault kinds', () => {
  it('latency: waits the given time, then answers normally', async () => {
    sandbox.setFaults([{ fault: { kind: 'latency', ms: 150 }, times: 1 }])
    const started = performance.now()
    const res = await ping()
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    expect(await bodyOf(res)).toMatchObject({ status: 'ok' })
  })

  it('reset: the connection is torn down and fetch rejects', async () => {
    sandbox.setFaults([{ fault: { kind: 'reset' }, times: 1 }])
    await expect(ping()).rejects.toThrow()
    expect((await ping()).status).toBe(200)
  })

  it('garbage: 200 that claims JSON but does not parse', async () => {
    sandbox.setFaults([{ fault: { kind: 'garbage' }, times: 1 }])
    const res = await ping()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    await expect(res.json()).rejects.toThrow()
  })

  it('huge: 200 with a streamed JSON body of exactly 5 MiB and no Content-Length', async () => {
    sandbox.setFaults([{ fault: { kind: 'huge' }, times: 1 }])
    const res = await ping()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBeNull()
    const text = await res.text()
    expect(Buffer.byteLength(text)).toBe(HUGE_BODY_BYTES)
    expect(HUGE_BODY_BYTES).toBe(5 * 1024 * 1024)
    expect(JSON.parse(text)).toMatchObject({ _data: [] })
  })

  it('huge: with a status, an error answer whose body is as large', async () => {
    sandbox.setFaults([{ fault: { kind: 'huge', status: 404 }, times: 1 }])
    const res = await ping()
    expect(res.status).toBe(404)
    expect(Buffer.byteLength(await res.text())).toBe(HUGE_BODY_BYTES)
  })

  it('huge: a client that stops reading after 1 MiB leaves the sandbox healthy', async () => {
    sandbox.setFaults([{ fault: { kind: 'huge' }, times: 1 }])
    const res = await ping()
    const reader = res.body?.getReader()
    let read = 0
    while (reader !== undefined && read < 1024 * 1024) {
      const { value, done } = await reader.read()
      if (done) break
      read += value.byteLength
    }
    await reader?.cancel()
    expect(read).toBeGreaterThanOrEqual(1024 * 1024)
    expect((await ping()).status).toBe(200)
  })

  it('redirect: 302 to the catcher, a different host, which records what reaches it', async () => {
    sandbox.setFaults([{ fault: { kind: 'redirect' }, times: 1 }])
    const res = await ping('fault-a', { redirect: 'manual' })
    expect(res.status).toBe(302)
    const location = res.headers.get('location') ?? ''
    expect(location).toBe(`${catcher.url}/caught`)
    expect(new URL(location).hostname).not.toBe(new URL(sandbox.url).hostname)

    // Play a leaky client that follows with the key: the catcher's log is what would expose it.
    const caught = await fetch(location, { headers: bearer('fault-a') })
    expect(await bodyOf(caught)).toEqual({ caught: true })
    expect(catcher.received.at(-1)).toMatchObject({
      provider: 'catcher',
      path: '/caught',
      host: new URL(catcher.url).host,
      authorization: 'Bearer fault-a',
    })
  })

  it('html200: a captive-portal page with status 200', async () => {
    sandbox.setFaults([{ fault: { kind: 'html200' }, times: 1 }])
    const res = await ping()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await res.text()).toMatch(/<html>[\s\S]*Wi-Fi/)
  })
})

describe('hang', () => {
  it('keeps the request pending past a server-side delay, and close() ends it', async () => {
    const hanging = await startSandbox('custom')
    hanging.addKey({ secret: 'hang-key' })
    // The second request is delayed on the server; when it has answered, time has passed for the first.
    hanging.setFaults([{ fault: { kind: 'hang' }, times: 1 }, { fault: { kind: 'latency', ms: 200 }, times: 1 }])
    let settled = false
    const pending = fetch(hanging.url, { headers: bearer('hang-key') }).finally(() => {
      settled = true
    })
    await hanging.waitForRequests(1)
    const delayed = await fetch(hanging.url, { headers: bearer('hang-key') })
    expect(delayed.status).toBe(200)
    expect(settled).toBe(false)

    await hanging.close()
    await expect(pending).rejects.toThrow()
    expect(settled).toBe(true)
  })
})
