// The desktop app itself, where an Electron binary exists: a short journey plus the hardening
// read back from the running app (SECURITY.md P0-7). Elsewhere it skips and says why; the same
// journey runs in Chromium against the web host (project "web").
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import type { KeyholdBridge } from '../../electron/shared/contract'
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/security'
import { electronBinary } from '../support/electron-binary'
import { STRONG_PASSWORD } from '../support/fixtures'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
// package.json's "main"; launching the folder lets Electron read package.json as it would for `npm start`.
const MAIN_ENTRY = join(ROOT, 'out', 'main', 'index.js')

const binary = electronBinary()
const skipReason =
  'missing' in binary
    ? `${binary.missing}, so the desktop app cannot be launched here; the web project runs the same journey against the web host.`
    : ''
// The list reporter shows a skipped test without its reason, so say it once, as the file is collected.
if (skipReason) console.warn(`Skipped: ${skipReason}`)

test.describe('the desktop app (Electron)', () => {
  test.skip(skipReason !== '', skipReason)

  let app: ElectronApplication
  let page: Page
  let dataDir: string

  test.beforeAll(async () => {
    if (!('path' in binary)) return
    // Built beforehand (npm run test:e2e and npm test do): rebuilding here would empty out/
    // while the web project's specs may be serving out/renderer in another worker.
    expect(existsSync(MAIN_ENTRY), `${MAIN_ENTRY} is missing: run \`npm run build\` first`).toBe(true)
    dataDir = mkdtempSync(join(tmpdir(), 'keyhold-electron-'))
    app = await _electron.launch({
      executablePath: binary.path,
      // Chromium refuses to start its OS sandbox as root; the window's `sandbox: true` still applies.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT],
      cwd: ROOT,
      env: { ...process.env, KEYHOLD_DATA_DIR: dataDir },
    })
    page = await app.firstWindow()
  })

  test.afterAll(async () => {
    await app?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  test('the window runs with the hardened preferences', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }
      return contents.getLastWebPreferences()
    })
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    })
    expect(page.url()).toBe('app://keyhold/index.html')
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
  })

  test('the page is served with our Content-Security-Policy header', async () => {
    const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'))
    expect(csp).toBe(CONTENT_SECURITY_POLICY)
  })

  test('a new user creates a vault and sees it unlocked', async () => {
    await page.getByLabel('Master password').fill(STRONG_PASSWORD)
    // Every password field on the first-run form (the password and its confirmation).
    for (const field of await page.locator('input[type="password"]').all()) await field.fill(STRONG_PASSWORD)
    await page.getByRole('button', { name: 'Create vault' }).click()
    await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible()
    const status = await page.evaluate(() => (globalThis as unknown as { keyhold: KeyholdBridge }).keyhold.invoke('keyhold:vault.status'))
    expect(status).toMatchObject({ ok: true, value: { state: 'unlocked' } })
  })
})
