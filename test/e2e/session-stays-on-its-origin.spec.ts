import { createServer, request, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SESSION_HEADER, SESSION_STORAGE_KEY } from '../../electron/shared/web-protocol'
import { addKey, createVault, expect, stopHost, test, type WebHost } from './fixtures'

const SESSION_ENDED = "This Keyhold window's session has ended"

interface Seen {
  readonly url: string
  readonly headers: IncomingHttpHeaders
}

/** Someone else's server on another port of 127.0.0.1, recording every request the browser makes to it. */
async function strangerOnAnotherPort() {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      res.end('<!doctype html><title>Elsewhere</title><link rel="icon" href="/favicon.ico"><img src="/pixel.png" alt="">')
    } else {
      res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { origin, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'content-length', 'transfer-encoding', 'host', 'origin'])

/** Sends `headers` to Keyhold from outside the browser, with Host and Origin forged to be Keyhold's own. */
function replay(host: WebHost, method: string, path: string, headers: IncomingHttpHeaders): Promise<{ status: number; body: string }> {
  const forged: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) forged[name] = value
  const { host: authority, port } = new URL(host.origin)
  forged['host'] = authority
  forged['origin'] = host.origin
  forged['content-type'] = 'application/json'
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), method, path, headers: forged, agent: false }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end(method === 'POST' ? '{}' : undefined)
  })
}

test('a server on another loopback port receives nothing usable, and replaying what it got opens nothing', async ({ page, host }) => {
  await createVault(page, host)
  await addKey(page, { provider: 'Spreeflo', name: 'Newsletter sync', secret: 'spreeflo-secret-for-origin-test', fields: { 'Key name in Spreeflo': 'newsletter-sync' } })

  // The credential lives in this origin's sessionStorage; the browser holds no cookie at all.
  const session = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_STORAGE_KEY)
  expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/)
  expect(await page.context().cookies()).toEqual([])
  expect(await page.evaluate(() => document.cookie)).toBe('')
  const token = new URL(host.url).hash.slice('#token='.length)

  // The same browser visits the stranger: the page, its favicon, an image.
  const stranger = await strangerOnAnotherPort()
  try {
    const other = await page.context().newPage()
    await other.goto(`${stranger.origin}/`)
    await expect(other).toHaveTitle('Elsewhere')
    await expect.poll(() => stranger.seen.map((s) => s.url).sort()).toEqual(['/', '/favicon.ico', '/pixel.png'])
    // …and the stranger's page tries to read Keyhold's storage from its own origin: it has none.
    expect(await other.evaluate((key) => sessionStorage.getItem(key) ?? localStorage.getItem(key), SESSION_STORAGE_KEY)).toBeNull()
    await other.close()

    for (const { url, headers } of stranger.seen) {
      expect(headers.cookie, url).toBeUndefined()
      expect(headers[SESSION_HEADER.toLowerCase()], url).toBeUndefined()
      expect(headers.authorization, url).toBeUndefined()
      const all = JSON.stringify(headers)
      expect(all, url).not.toContain(session)
      expect(all, url).not.toContain(token)
    }

    // Replayed from outside the browser with Keyhold's own Host and Origin: nothing opens.
    for (const { url, headers } of stranger.seen) {
      for (const [method, path] of [['POST', '/api/keyhold:keys.list'], ['POST', '/api/keyhold:vault.status'], ['GET', '/events']] as const) {
        const res = await replay(host, method, path, headers)
        expect(res.status, `${url} → ${method} ${path}`).toBe(401)
        expect(JSON.parse(res.body), `${url} → ${method} ${path}`).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORIZED' } })
      }
    }
    // The same replay with the page's own header does list the key: the refusals above were the session check.
    const own = await replay(host, 'POST', '/api/keyhold:keys.list', { ...stranger.seen[0]?.headers, [SESSION_HEADER.toLowerCase()]: session ?? '' })
    expect(own.status).toBe(200)
    expect(JSON.parse(own.body)).toMatchObject({ ok: true, value: [{ name: 'Newsletter sync' }] })
  } finally {
    await stranger.close()
  }

  // The window itself is still connected after all that.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Unlock Keyhold' })).toBeVisible()
})

test('when the host stops, the window says its session has ended and how to go on', async ({ page, host }) => {
  await createVault(page, host)
  await stopHost(host)
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: SESSION_ENDED })).toBeVisible()
  await expect(alert).toContainText('press Enter in the terminal where Keyhold runs to get a new address')
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toHaveCount(0)
})

test('a session the host no longer knows gets the same message, also after a reload', async ({ page, host }) => {
  await createVault(page, host)
  await page.evaluate((key) => sessionStorage.setItem(key, 'A'.repeat(43)), SESSION_STORAGE_KEY)
  await page.reload()
  await expect(page.getByRole('alert').getByRole('heading', { name: SESSION_ENDED })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('alert').getByRole('heading', { name: SESSION_ENDED })).toBeVisible()
  await expect(page).toHaveTitle('Keyhold – session ended')
})

test('a window opened without a session is told it is not connected, not that a session ended', async ({ page, host }) => {
  await page.goto(host.origin)
  await expect(page.getByRole('heading', { name: 'Keyhold is not connected' })).toBeVisible()
})
