import { describe, expect, it } from 'vitest'
import { controlSandbox, type ReceivedCredential } from '../../sandbox'
import { basic, bearer, bodyOf, useSandbox } from './helpers'

const sandbox = useSandbox('threatstop')

/** A separate client, as another process (demo, Playwright) would be: plain fetch, no shared objects. */
function control(endpoint: string, body?: unknown, contentType = 'application/json'): Promise<Response> {
  const url = new URL(`/__sandbox/${endpoint}`, sandbox().url)
  if (body === undefined) return fetch(url)
  return fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify(body) })
}

const devices = (secret: string): Promise<Response> => fetch(`${sandbox().url}/devices?limit=1`, { headers: bearer(secret) })

describe('control API under /__sandbox/', () => {
  it('adds, revokes and expires keys', async () => {
    expect((await control('keys', { secret: 'ctl-a', services: ['devices'] })).status).toBe(201)
    expect((await control('keys', { secret: 'ctl-b' })).status).toBe(201)
    expect((await devices('ctl-a')).status).toBe(200)

    expect((await control('revoke', { secret: 'ctl-a' })).status).toBe(200)
    expect((await bodyOf(await devices('ctl-a'))).additional_info).toMatchObject({ error_code: 11001 })
    expect((await control('expire', { secret: 'ctl-b' })).status).toBe(200)
    expect((await bodyOf(await devices('ctl-b'))).additional_info).toMatchObject({ error_code: 11002 })
  })

  it('sets and clears faults', async () => {
    await control('keys', { secret: 'ctl-f' })
    expect((await control('faults', [{ fault: { kind: 'status', status: 503 }, times: 1 }])).status).toBe(200)
    expect((await devices('ctl-f')).status).toBe(503)
    expect((await devices('ctl-f')).status).toBe(200)
    await control('faults', [{ fault: { kind: 'status', status: 500 } }])
    await control('faults', [])
    expect((await devices('ctl-f')).status).toBe(200)
  })

  it('lists received credentials (control requests themselves are not provider traffic)', async () => {
    await control('keys', { secret: 'ctl-r' })
    const before = sandbox().requestCount()
    await devices('ctl-r')
    const received = await bodyOf<ReceivedCredential[]>(await control('received'))
    expect(received).toHaveLength(before + 1)
    expect(received.at(-1)).toMatchObject({ provider: 'threatstop', path: '/v4.0/devices?limit=1', authorization: 'Bearer ctl-r' })
    expect(received.some((r) => r.path.startsWith('/__sandbox/'))).toBe(false)
    expect(await bodyOf(await control('info'))).toEqual({ provider: 'threatstop', url: sandbox().url, requestCount: before + 1 })
  })

  it('says what is wrong: 400 bad input, 404 unknown key or endpoint, 415 not JSON, 405 other methods', async () => {
    expect((await control('keys', { secret: 'has space' })).status).toBe(400)
    expect((await control('keys', { secret: 'x', colour: 'red' })).status).toBe(400)
    expect((await control('keys', { secret: 'x', plan: 'basic' })).status).toBe(400)
    expect((await control('faults', [{ fault: { kind: 'meteor' } }])).status).toBe(400)
    expect((await control('revoke', { secret: 'ctl-never-added' })).status).toBe(404)
    expect((await control('teleport', {})).status).toBe(404)
    expect((await control('nothing-here')).status).toBe(404)
    expect((await control('keys', { secret: 'ctl-text' }, 'text/plain')).status).toBe(415)
    expect((await fetch(new URL('/__sandbox/keys', sandbox().url), { method: 'DELETE' })).status).toBe(405)
    const broken = await fetch(new URL('/__sandbox/keys', sandbox().url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"secret":',
    })
    expect(broken.status).toBe(400)
  })

  it('is wrapped by controlSandbox for other processes, errors included', async () => {
    const client = controlSandbox(sandbox().url)
    await client.addKey({ secret: 'ctl-client' })
    expect((await devices('ctl-client')).status).toBe(200)
    await client.setFaults([{ fault: { kind: 'status', status: 429, retryAfter: '2' }, times: 1 }])
    expect((await devices('ctl-client')).headers.get('retry-after')).toBe('2')
    await client.revoke('ctl-client')
    expect((await devices('ctl-client')).status).toBe(401)
    expect((await client.received()).at(-1)?.authorization).toBe('Bearer ctl-client')
    expect((await client.info()).provider).toBe('threatstop')
    await expect(client.expire('ctl-nobody')).rejects.toThrow(/404/)
  })
})

describe('received log', () => {
  it('records each request’s host, path, Authorization and X-API-Key, in order, header names lower-cased', async () => {
    const start = sandbox().received.length
    await fetch(`${sandbox().url}/devices`, { headers: { Authorization: 'Bearer rec-1' } })
    await fetch(`${sandbox().url}/policies?limit=2`, { headers: { 'X-API-Key': 'rec-2' } })
    await fetch(`${sandbox().url}/logs`, { headers: { authorization: basic('user', 'rec-3') } })
    const host = new URL(sandbox().url).host
    const got = sandbox().received.slice(start)
    expect(got.map((r) => [r.host, r.path, r.authorization, r.headers['x-api-key']])).toEqual([
      [host, '/v4.0/devices', 'Bearer rec-1', undefined],
      [host, '/v4.0/policies?limit=2', undefined, 'rec-2'],
      [host, '/v4.0/logs', basic('user', 'rec-3'), undefined],
    ])
    expect(got[0]?.headers.authorization).toBe('Bearer rec-1')
    expect(got.every((r) => Object.keys(r.headers).every((k) => k === k.toLowerCase()))).toBe(true)
    expect(got.every((r, i) => i === 0 || r.at >= (got[i - 1]?.at ?? 0))).toBe(true)
  })

  it('lets a test await requests instead of sleeping', async () => {
    const target = sandbox().requestCount() + 2
    const waited = sandbox().waitForRequests(target)
    void fetch(`${sandbox().url}/devices`)
    void fetch(`${sandbox().url}/devices`)
    await waited
    expect(sandbox().requestCount()).toBeGreaterThanOrEqual(target)
  })
})
