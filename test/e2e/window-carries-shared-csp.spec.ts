import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../electron/shared/security'
import { expect, STRONG_PASSWORD, test } from './fixtures'
import { KeyholdApp } from './pages/keyhold-app'

test('the built window carries exactly the shared CSP: in its one meta tag and in the header', async ({ page, host }) => {
  const response = await page.goto(host.url)
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  const metas = await page.evaluate(() =>
    [...document.querySelectorAll('meta')]
      .filter((m) => m.httpEquiv.toLowerCase() === 'content-security-policy')
      .map((m) => ({ content: m.content, first: m === document.head.firstElementChild })),
  )
  expect(metas).toEqual([{ content: CONTENT_SECURITY_POLICY_META, first: true }])
})

test('the window runs within its CSP: no violation from the first screen to the vault, the vault screen’s own chunk included', async ({ page, host }) => {
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} at ${e.sourceFile}:${e.lineNumber}`))
  })
  const chunks: string[] = []
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') chunks.push(new URL(request.url()).pathname)
  })
  const app = new KeyholdApp(page)
  await app.createVault(host.url)
  await page.getByRole('button', { name: 'Lock', exact: true }).click()
  await page.getByLabel('Master password').fill(STRONG_PASSWORD)
  await page.getByRole('button', { name: 'Unlock', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible()
  // The vault screen came as a chunk of its own, loaded by the page's own script under script-src 'self'.
  expect(chunks.filter((path) => path.startsWith('/assets/')).length).toBeGreaterThan(1)
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([])
})
