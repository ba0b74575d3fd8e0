import { describe, expect, it } from 'vitest'
import { basic, bearer, bodyOf, useSandbox } from './helpers'

const sandbox = useSandbox('custom')

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> => fetch(`${sandbox().url}${path}`, { headers })

describe('Custom REST API sandbox', () => {
  it.each([
    ['Bearer', bearer('cu-valid')],
    ['X-API-Key', { 'x-api-key': 'cu-valid' }],
    ['Basic with any username', { authorization: basic('anything', 'cu-valid') }],
  ])('takes the key as %s', async (_label, headers) => {
    sandbox().addKey({ secret: 'cu-valid' })
    for (const path of ['', '/', '/v2/whoami?x=1']) {
      const res = await get(path, headers)
      expect(res.status).toBe(200)
      expect(await bodyOf(res)).toEqual({ ok: true })
    }
  })

  it('answers 401 to a wrong, missing, revoked or expired key', async () => {
    sandbox().addKey({ secret: 'cu-revoked' })
    sandbox().revoke('cu-revoked')
    sandbox().addKey({ secret: 'cu-expired', state: 'expired' })
    const attempts: Record<string, string>[] = [bearer('cu-wrong'), {}, bearer('cu-revoked'), { 'x-api-key': 'cu-expired' }]
    for (const headers of attempts) {
      const res = await get('', headers)
      expect(res.status).toBe(401)
      expect(await bodyOf(res)).toEqual({ error: 'unauthorized' })
    }
  })

  it('answers 403 forbidden to a key that authenticates but is allowed nothing (services: [])', async () => {
    sandbox().addKey({ secret: 'cu-forbidden', services: [] })
    const res = await get('', bearer('cu-forbidden'))
    expect(res.status).toBe(403)
    expect(await bodyOf(res)).toEqual({ error: 'forbidden' })
  })

  it('answers 404 outside /api', async () => {
    sandbox().addKey({ secret: 'cu-paths' })
    const res = await fetch(new URL('/apix', sandbox().url), { headers: bearer('cu-paths') })
    expect(res.status).toBe(404)
  })
})
