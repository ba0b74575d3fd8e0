import { custom } from '../../electron/shared/providers/custom'
import { expect } from './fixtures'
import { ProviderPortal } from './pages/portal'
import { Journey, ROTATED_AND_REVOKED, test } from './support/lifecycle'
import { useXDisplay } from './support/x-clipboard'

useXDisplay(test)
// A failed press fails within the minute, not at the end of the whole journey's time.
test.use({ viewport: { width: 720, height: 900 }, actionTimeout: 60_000 })

const NAME = 'Billing API'

test('a Custom REST API key’s whole life from the keyboard alone, at 720 px: created in the service, described and checked in the wizard, rotated, revoked both ways', async ({ page, host, sandboxes }) => {
  test.setTimeout(600_000)
  // Every control in Keyhold (and in the service's page) reached with Tab, pressed with Enter or Space, typed into.
  const journey = await Journey.start(page, host, sandboxes, { keyboardOnly: true })
  const portal = await ProviderPortal.open(page, sandboxes.custom, {}, { keyboardOnly: true })
  const dialog = page.getByRole('dialog', { name: 'Add a key' })
  const field = (label: string) => dialog.getByLabel(label, { exact: true })

  const first = await journey.issue(portal, 'Create key')
  await journey.addWithWizard(custom, NAME, first, {
    describe: async () => {
      await journey.driver.fill(field('Base URL'), sandboxes.custom.url)
      await expect(field('How the key is sent')).toHaveValue('bearer')
    },
    statuses: async () => {
      await journey.driver.fill(field('Check path (optional)'), '/me')
      await journey.driver.fill(field('Statuses that mean the key works (optional)'), '200-299')
      await journey.driver.fill(field('Statuses that mean the key is rejected (optional)'), '401, 403')
    },
  })
  await expect(journey.details).toContainText(sandboxes.custom.url)
  await journey.expectTimeline([/^Checked: Works/, /^Pasted the secret key from the clipboard$/, /^Added$/])

  await journey.rotate(custom, NAME, {
    issueAt: 'new',
    issue: () => journey.issue(portal, 'Create key'),
    deleteAt: 'revoke-old',
    deleteOld: () => portal.remove('Revoke', 'API key 1'),
  })
  await journey.expectTimeline([/^Checked: Works/, /^Pasted the secret key from the clipboard$/, `Added to replace “${NAME}” (rotation)`])

  await journey.expectArchived(custom, NAME)
  await journey.expectTimeline(ROTATED_AND_REVOKED)
  await journey.showAll()
  await journey.driver.press(journey.app.keys.rowButton(NAME))

  await journey.revokeBothWays(custom, NAME, () => portal.remove('Revoke', 'API key 2'))
  await journey.expectArchived(custom, NAME, 2)
  await journey.expectNoSecretLeaked()
})
