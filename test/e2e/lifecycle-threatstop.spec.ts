import type { Page } from '@playwright/test'
import { threatstop } from '../../electron/shared/providers/threatstop'
import { expect } from './fixtures'
import { ProviderPortal } from './pages/portal'
import { inDays, shownAsDay } from './support/dates'
import { Journey, ROTATED_AND_REVOKED, test } from './support/lifecycle'
import { useXDisplay } from './support/x-clipboard'

useXDisplay(test)
// A failed press fails within the minute, not at the end of the whole journey's time.
test.use({ viewport: { width: 720, height: 900 }, actionTimeout: 60_000 })

const NAME = 'Firewall sync – devices'
const SUBNETS = '203.0.113.0/24, 2001:db8::/32'
const ORIGINS = 'https://www.mydomain.com, https://sub.mydomain.com'

/** In the Admin Portal: Read on Devices and Log-file status, as the Keyhold fields will say. */
const readDevicesAndLogs = async (portal: Page) => {
  await portal.getByRole('checkbox', { name: 'devices' }).check()
  await portal.getByRole('checkbox', { name: 'logs' }).check()
}

test('a ThreatSTOP key’s whole life at 720 px: Add API Key in the Admin Portal, permissions, expiry, subnets and origins in the wizard, rotated, revoked both ways', async ({ page, host, sandboxes }) => {
  test.setTimeout(480_000)
  const journey = await Journey.start(page, host, sandboxes)
  const portal = await ProviderPortal.open(page, sandboxes.threatstop)
  const dialog = page.getByRole('dialog', { name: 'Add a key' })
  const field = (label: string) => dialog.getByLabel(label, { exact: true })

  const first = await journey.issue(portal, 'Add API Key', readDevicesAndLogs)
  await journey.addWithWizard(threatstop, NAME, first, {
    permissions: async () => {
      await journey.driver.select(field('Devices: permission'), 'Read (GET only)')
      await journey.driver.select(field('Log-file status: permission'), 'Read (GET only)')
      await journey.driver.select(field('Service the key can read'), 'Devices')
    },
    expiry: () => journey.driver.fill(field('Expires on (optional)'), inDays(10)),
    subnets: async () => {
      // A wrong subnet is refused with the reason, and Next holds.
      await journey.driver.fill(field('Subnets the key is restricted to'), '203.0.113.0/33')
      await expect(dialog.getByText(/must be subnets such as/).first()).toBeVisible()
      await expect(dialog.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true')
      await journey.driver.fill(field('Subnets the key is restricted to'), SUBNETS)
      await expect(dialog.getByText(/must be subnets such as/)).toHaveCount(0)
    },
    cors: () => journey.driver.fill(field('CORS origins'), ORIGINS),
  })
  await expect(journey.details).toContainText(SUBNETS)
  await expect(journey.details).toContainText(ORIGINS)
  await expect(journey.details).toContainText('Read (GET only)')
  await journey.expectTimeline([/^Checked: Works/, /^Pasted the secret key from the clipboard$/, /^Added$/])

  // The expiry the wizard asked for: named after unlock (the rest of that screen: expiry.spec.ts).
  await journey.app.lockAndUnlock()
  await expect(journey.app.expirySummary.getByRole('heading', { name: '1 key expires within 14 days' })).toBeVisible()
  await expect(journey.app.expirySummary).toContainText(`${NAME} expires in 10 days`)
  await journey.driver.press(journey.app.expirySummary.getByRole('button', { name: NAME }))
  await expect(journey.details.getByRole('heading', { name: NAME })).toBeVisible()
  await journey.driver.press(journey.app.expirySummary.getByRole('button', { name: 'Not now' }))

  await journey.rotate(threatstop, NAME, {
    issueAt: 'add',
    issue: () => journey.issue(portal, 'Add API Key', readDevicesAndLogs),
    deleteAt: 'delete-old',
    deleteOld: () => portal.remove('Delete Key', 'API key 1'),
  })
  // The new key keeps the old one's permissions, subnets, origins and expiry, and has its own first check.
  await expect(journey.details).toContainText(SUBNETS)
  await expect(journey.details).toContainText(await shownAsDay(page, inDays(10)))
  await journey.expectTimeline([/^Checked: Works/, /^Pasted the secret key from the clipboard$/, `Added to replace “${NAME}” (rotation)`])

  await journey.expectArchived(threatstop, NAME)
  await journey.expectTimeline(ROTATED_AND_REVOKED)
  await journey.showAll()
  await journey.driver.press(journey.app.keys.rowButton(NAME))

  await journey.revokeBothWays(threatstop, NAME, () => portal.remove('Delete Key', 'API key 2'))
  await journey.expectArchived(threatstop, NAME, 2)
  await journey.expectNoSecretLeaked()
})
