import type { Page } from '@playwright/test'
import type { NewKeyInput } from '../../electron/shared/dto'
import { startSandboxes, type Sandboxes } from '../sandbox/index'
import { createVault, expect, test as base } from './fixtures'
import { KeyList } from './pages/key-list'
import { screenshotPath } from './pages/screenshots'
import { callContract, saveProviderSettings } from './pages/settings-api'

/**
 * The vault window with keys in every state, long names and many tags, at 1280 and 720 px wide:
 * screenshots to look at (test-results/screenshots/window-*.png) and the measurements that say the
 * rows stay readable.
 */
const test = base.extend<{ sandboxes: Sandboxes }>({
  sandboxes: async ({}, use) => {
    const sandboxes = await startSandboxes()
    await use(sandboxes)
    await sandboxes.close()
  },
})

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

const WORKING = 'sk-layout-working'
const REJECTED = 'sk-layout-rejected'
const REVOKED = 'sk-layout-revoked'

const KEYS: readonly NewKeyInput[] = [
  {
    name: 'Spreeflo – newsletter sync for the weekly marketing digest',
    account: 'marketing@smithlegal.example',
    tags: ['marketing', 'newsletter', 'weekly', 'production'],
    details: { provider: 'spreeflo', keyName: 'newsletter-sync' },
    secret: WORKING,
  },
  {
    name: 'Threadeo – case intake',
    tags: ['legal', 'intake', 'production'],
    details: { provider: 'threadeo', tenant: 'smithlegal', apiKey: 'TD-PUBLIC-ID-77' },
    secret: 'td-layout',
  },
  {
    name: 'ThreatSTOP devices (read)',
    tags: ['security'],
    expiresOn: inDays(5),
    details: { provider: 'threatstop', service: 'devices' },
    secret: 'ts-layout',
  },
  {
    name: 'Billing API',
    account: 'finance',
    tags: ['billing', 'production', 'finance'],
    expiresOn: inDays(-3),
    details: { provider: 'custom', baseUrl: 'https://api.billing.example.com/v2', auth: { kind: 'bearer' } },
    secret: 'billing-layout',
  },
  { name: 'Spreeflo – old shop', tags: ['shop'], details: { provider: 'spreeflo', keyName: 'old-shop' }, secret: REJECTED },
  { name: 'Spreeflo – retired integration', details: { provider: 'spreeflo', keyName: 'retired' }, secret: REVOKED },
]

/** Keys in every state, through the contract: the spec is about how they look, not how they were added. */
async function fillVault(page: Page, sandboxes: Sandboxes): Promise<void> {
  for (const secret of [WORKING, REJECTED, REVOKED]) sandboxes.spreeflo.addKey({ secret })
  await saveProviderSettings(page, { spreeflo: { baseUrl: sandboxes.spreeflo.url } })
  const ids: string[] = []
  for (const key of KEYS) ids.push((await callContract(page, 'keyhold:keys.add', key)).id)
  sandboxes.spreeflo.revoke(REJECTED)
  sandboxes.spreeflo.revoke(REVOKED)
  await callContract(page, 'keyhold:keys.check', { id: ids[0] as string })
  await callContract(page, 'keyhold:keys.check', { id: ids[4] as string })
  await callContract(page, 'keyhold:keys.verifyRevoked', { id: ids[5] as string })
}

for (const width of [1280, 720]) {
  test(`the vault window at ${width} px wide`, async ({ page, host, sandboxes }) => {
    await page.setViewportSize({ width, height: 800 })
    await createVault(page, host)
    await fillVault(page, sandboxes)
    const keys = new KeyList(page)
    await expect(keys.rowButton('Billing API')).toBeVisible()
    await keys.open('Billing API')
    await page.screenshot({ path: screenshotPath(`window-${width}.png`) })
  })
}
