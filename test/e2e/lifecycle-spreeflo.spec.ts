import type { Page } from '@playwright/test'
import { spreeflo } from '../../electron/shared/providers/spreeflo'
import { expect } from './fixtures'
import { ProviderPortal } from './pages/portal'
import { Journey, ROTATED_AND_REVOKED, STILL_WORKS, test } from './support/lifecycle'
import { useXDisplay } from './support/x-clipboard'
import { inDays } from './support/dates'

useXDisplay(test)
// A failed press fails within the minute, not at the end of the whole journey's time.
test.use({ viewport: { width: 1280, height: 900 }, actionTimeout: 60_000 })

const NAME = 'Spreeflo – sign-up form'
const INTEGRATION = 'Website sign-up form'
const named = (name: string) => async (portal: Page) => portal.getByLabel('API key name').fill(name)

test('a Spreeflo key’s whole life: issued in Settings › API Keys, added step by step, rotated with the old key re-checked until revoked, then revoked both ways', async ({ page, host, sandboxes }) => {
  test.setTimeout(420_000)
  const journey = await Journey.start(page, host, sandboxes)
  const portal = await ProviderPortal.open(page, sandboxes.spreeflo)

  const first = await journey.issue(portal, '+ Add API Key', named(INTEGRATION))
  await journey.addWithWizard(spreeflo, NAME, first, {
    plan: async () => {
      await expect(page.getByRole('dialog', { name: 'Add a key' }).getByText('You must be subscribed to the Professional plan to access the Spreeflo API.')).toBeVisible()
    },
    'name-in-spreeflo': async () => {
      const dialog = page.getByRole('dialog', { name: 'Add a key' })
      await journey.driver.fill(dialog.getByLabel('Key name in Spreeflo', { exact: true }), INTEGRATION)
      await journey.driver.fill(dialog.getByLabel('Integration it serves', { exact: true }), INTEGRATION)
    },
    name: async () => {
      const dialog = page.getByRole('dialog', { name: 'Add a key' })
      await journey.driver.fill(dialog.getByLabel('Name', { exact: true }), NAME)
      // Spreeflo's guide never asks for an expiry: the naming step does. This one is near.
      await journey.driver.fill(dialog.getByLabel('Expires on (optional)', { exact: true }), inDays(3))
    },
  })
  await journey.expectTimeline([/^Checked: Works/, /^Pasted the secret key from the clipboard$/, /^Added$/])

  // The expiry summary after unlock names it (the rest of that screen: expiry.spec.ts).
  await journey.app.lockAndUnlock()
  await expect(journey.app.expirySummary.getByRole('heading', { name: '1 key expires within 14 days' })).toBeVisible()
  await expect(journey.app.expirySummary).toContainText(`${NAME} expires in 3 days`)
  await journey.driver.press(journey.app.expirySummary.getByRole('button', { name: NAME }))
  await expect(journey.details.getByRole('heading', { name: NAME })).toBeVisible()
  await journey.driver.press(journey.app.expirySummary.getByRole('button', { name: 'Not now' }))

  // The rotation reaches its last step before the old key is revoked: Keyhold finds it still
  // working and says when it checks again; Stop holds that, and Resume checks at once.
  const rotateDialog = page.getByRole('dialog', { name: `Rotate “${NAME}”` })
  const second = await journey.rotate(spreeflo, NAME, {
    issueAt: 'create',
    issue: () => journey.issue(portal, '+ Add API Key', named(`${INTEGRATION} v2`)),
    deleteAt: 'revoke-old',
    deleteOld: async () => undefined,
  }, {
    verify: async () => {
      await expect(rotateDialog.getByRole('alert').filter({ hasText: STILL_WORKS })).toBeVisible()
      await expect(rotateDialog.getByText(/^Checking again in \d+ s\./)).toBeVisible()
      await journey.driver.press(rotateDialog.getByRole('button', { name: 'Stop checking' }))
      await expect(rotateDialog.getByText(/^Checking again in/)).toHaveCount(0)
      await expect(rotateDialog.getByRole('button', { name: 'Done' })).toHaveAttribute('aria-disabled', 'true')
      await portal.remove('Revoke', INTEGRATION)
      await journey.driver.press(rotateDialog.getByRole('button', { name: 'Resume checking' }))
      await expect(rotateDialog.getByText(/^Revoked — verified on /)).toBeVisible()
    },
  })
  expect(second).not.toBe(first)
  // The new key: its own first check (the one before saving was not stored), and what it replaced.
  await journey.expectTimeline([/^Checked: Works/, /^Pasted the secret key from the clipboard$/, `Added to replace “${NAME}” (rotation)`])
  await expect(journey.details).toContainText(INTEGRATION)

  await journey.expectArchived(spreeflo, NAME)
  await journey.expectTimeline(ROTATED_AND_REVOKED)
  await journey.showAll()
  await journey.driver.press(journey.app.keys.rowButton(NAME))

  await journey.revokeBothWays(spreeflo, NAME, () => portal.remove('Revoke', `${INTEGRATION} v2`))
  await journey.expectArchived(spreeflo, NAME, 2)
  await journey.expectNoSecretLeaked()
})
