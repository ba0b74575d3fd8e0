import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page, Request } from '@playwright/test'
import { SESSION_HEADER, SESSION_STORAGE_KEY, WEB_API_PREFIX, WEB_EVENTS_PATH, WEB_SESSION_PATH } from '../../electron/shared/web-protocol'
import { KeyholdApp } from './pages/keyhold-app'
import { addKey, createVault, expect, startHost, stopHost, STRONG_PASSWORD, test, type KeySpec, type WebHost } from './fixtures'

const OTHER_PASSWORD = 'marmalade-violet-anchor-skyline-83'
const SESSION_ENDED = "This Keyhold window's session has ended"

const spreeflo = (name: string, secret: string): KeySpec => ({ provider: 'Spreeflo', name, secret, fields: { 'Key name in Spreeflo': name.toLowerCase().replaceAll(' ', '-') } })
const ALPHA = spreeflo('Alpha billing', 'spreeflo-secret-of-the-alpha-vault')
const ALPHA_TOO = spreeflo('Alpha reports', 'spreeflo-second-secret-of-alpha')
const BRAVO = spreeflo('Bravo mailing', 'spreeflo-secret-of-the-bravo-vault')

interface Sent {
  readonly origin: string
  readonly path: string
  readonly session: string | undefined
  readonly authorization: string | undefined
  readonly cookie: string | undefined
}

async function unlock(page: Page, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Unlock Keyhold' })).toBeVisible()
  await page.getByLabel('Master password').fill(password)
  await page.getByRole('button', { name: 'Unlock' }).click()
}

/** The keys this tab lists, by name: exactly `names`, nothing from the other vault. */
async function expectKeys(page: Page, names: readonly string[]): Promise<void> {
  const app = new KeyholdApp(page)
  await expect(app.keys.list.getByRole('listitem')).toHaveCount(names.length)
  for (const name of names) await expect(app.keys.rowButton(name)).toBeVisible()
}

test('two Keyhold hosts in one browser profile work side by side: reloads, a lock and interleaved actions never cross', async ({ page, host }) => {
  // Two hosts, two vaults made and four passwords tried, each an Argon2id derivation at the shipped
  // cost: 30 to 50 s on a 2-core machine, over the default minute when another spec runs beside it.
  test.setTimeout(120_000)
  const context = page.context()
  const sent: Sent[] = []
  const refused: string[] = []
  const record = (request: Request) => {
    const url = new URL(request.url())
    const headers = request.headers()
    sent.push({ origin: url.origin, path: url.pathname, session: headers[SESSION_HEADER.toLowerCase()], authorization: headers['authorization'], cookie: headers['cookie'] })
  }
  context.on('request', record)
  // A 401 is what signing a window out looks like on the wire.
  context.on('response', (response) => {
    if (response.status() === 401) refused.push(`${response.request().method()} ${response.url()}`)
  })

  const otherDir = mkdtempSync(join(tmpdir(), 'keyhold-e2e-other-'))
  let other: WebHost | undefined
  try {
    other = await startHost(otherDir)
    expect(other.origin).not.toBe(host.origin)
    const a = page
    const b = await context.newPage()

    // Each tab creates its own vault and adds its own key.
    await createVault(a, host)
    await createVault(b, other, OTHER_PASSWORD)
    await addKey(a, ALPHA)
    await addKey(b, BRAVO)
    await expectKeys(a, [ALPHA.name])
    await expectKeys(b, [BRAVO.name])

    // Interleaved: A's Add key dialog stays open while B reloads and unlocks.
    const formA = await new KeyholdApp(a).openAddKey()
    await formA.fill(ALPHA_TOO)
    await b.reload()
    await unlock(b, OTHER_PASSWORD)
    await expectKeys(b, [BRAVO.name])
    await formA.submit()
    await formA.expectClosed()
    await expectKeys(a, [ALPHA.name, ALPHA_TOO.name])

    // A reload of A: B goes on unaffected; A's vault opens with A's password only.
    await a.reload()
    await new KeyholdApp(b).keys.open(BRAVO.name)
    await unlock(a, OTHER_PASSWORD)
    await expect(a.getByText('That password did not unlock the vault.')).toBeVisible()
    await unlock(a, STRONG_PASSWORD)
    await expectKeys(a, [ALPHA.name, ALPHA_TOO.name])

    // A lock in B leaves A open and working; B's own vault opens again with its password.
    await b.getByRole('button', { name: 'Lock', exact: true }).click()
    await expect(b.getByRole('heading', { name: 'Unlock Keyhold' })).toBeVisible()
    await new KeyholdApp(a).keys.open(ALPHA_TOO.name)
    await expectKeys(a, [ALPHA.name, ALPHA_TOO.name])
    await unlock(b, OTHER_PASSWORD)
    await expectKeys(b, [BRAVO.name])

    // Neither window was ever signed out.
    for (const tab of [a, b]) await expect(tab.getByRole('heading', { name: SESSION_ENDED })).toHaveCount(0)
    expect(refused).toEqual([])

    // Each tab holds one session, for its own host, and every call carried that one only.
    const sessionOf = (tab: Page) => tab.evaluate((key) => sessionStorage.getItem(key), SESSION_STORAGE_KEY)
    const sessionA = await sessionOf(a)
    const sessionB = await sessionOf(b)
    expect(sessionA).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(sessionB).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(sessionA).not.toBe(sessionB)
    const tokenOf = (h: WebHost) => new URL(h.url).hash.slice('#token='.length)
    for (const [h, session, token] of [
      [host, sessionA, tokenOf(host)],
      [other, sessionB, tokenOf(other)],
    ] as const) {
      const toHost = sent.filter((s) => s.origin === h.origin)
      const calls = toHost.filter((s) => s.path.startsWith(WEB_API_PREFIX) || s.path === WEB_EVENTS_PATH)
      expect(calls.length, h.origin).toBeGreaterThan(10)
      expect(new Set(calls.map((s) => s.session)), h.origin).toEqual(new Set([session]))
      expect(
        toHost.filter((s) => s.path === WEB_SESSION_PATH).map((s) => s.authorization),
        h.origin,
      ).toEqual([`Bearer ${token}`])
    }
    expect(sent.filter((s) => s.origin !== host.origin && s.origin !== other?.origin)).toEqual([])
    expect(sent.filter((s) => s.cookie !== undefined)).toEqual([])
    expect(await context.cookies()).toEqual([])
  } finally {
    if (other) await stopHost(other)
    rmSync(otherDir, { recursive: true, force: true })
  }
})
