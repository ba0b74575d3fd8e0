import { threadeo } from '../../electron/shared/providers/threadeo'
import { expect } from './fixtures'
import { GuidedFlow } from './pages/guided'
import { ProviderPortal } from './pages/portal'
import { Journey, ROTATED_AND_REVOKED, test } from './support/lifecycle'
import { useXDisplay } from './support/x-clipboard'

useXDisplay(test)
// A failed press fails within the minute, not at the end of the whole journey's time.
test.use({ viewport: { width: 1280, height: 900 }, actionTimeout: 60_000 })

const API_KEY = 'TD-LIFE-7'
const INTAKE = 'Threadeo – intake'
const BILLING = 'Threadeo – billing'
const GENERATE = 'Generate Secret Token'
function step(id: string) {
  const found = threadeo.guides.generate.find((s) => s.id === id)
  if (found === undefined) throw new Error(`Threadeo's generate guide has no step ${id}`)
  return found
}

test('Threadeo tokens’ whole life: generated in API Settings behind the overlay, two added step by step, a third refused and rotated instead, the old one verified deleted, revoked both ways', async ({ page, host, sandboxes }) => {
  test.setTimeout(600_000)
  const journey = await Journey.start(page, host, sandboxes)
  // The firm's own subdomain, and the signed-in user's API key shown on the page.
  const portal = await ProviderPortal.open(page, sandboxes.threadeo, { tenant: 'acme', apiKey: API_KEY })
  await expect(portal.page.getByText(API_KEY, { exact: true })).toBeVisible()
  const dialog = page.getByRole('dialog', { name: 'Add a key' })
  const apiKeyField = dialog.getByLabel('API key (acts like a username)', { exact: true })
  const details = {
    // Pasting the Threadeo address gives the subdomain.
    subdomain: () => journey.driver.fill(dialog.getByLabel('Threadeo subdomain', { exact: true }), 'https://acme.threadeo.com/settings/api'),
    'open-settings': async () => {
      await expect(dialog.getByRole('link', { name: 'Open your Threadeo API Settings page' })).toHaveAttribute('href', 'https://acme.threadeo.com/')
      await journey.driver.fill(apiKeyField, API_KEY)
    },
  }

  const first = await journey.issue(portal, GENERATE)
  await journey.addWithWizard(threadeo, INTAKE, first, details)
  await expect(journey.details).toContainText('acme')
  await journey.expectTimeline([/^Checked: Works/, /^Pasted the secret secret token from the clipboard$/, /^Added$/])

  const second = await journey.issue(portal, GENERATE)
  await journey.addWithWizard(threadeo, BILLING, second, {
    ...details,
    'open-settings': async () => {
      await details['open-settings']()
      await expect(dialog.getByText(`Keyhold holds 1 of the 2 active tokens this API key can have: “${INTAKE}”.`)).toBeVisible()
    },
  })

  // Threadeo itself keeps two active: its page refuses a third.
  await portal.expectRefused(GENERATE, /^API key already has two active secret tokens/)

  // So does the wizard, at the API key, and offers to rotate one of the two instead.
  const third = await journey.openAddWizard(threadeo)
  await third.walk('add wizard (Threadeo), two tokens held', threadeo.guides.generate.slice(0, 3), {
    ...details,
    'open-settings': async () => {
      await details['open-settings']()
      await expect(dialog.getByRole('alert').filter({ hasText: `Keyhold already holds 2 active tokens for this API key: “${BILLING}”, “${INTAKE}”.` })).toBeVisible()
      await third.expectBlocked(step('open-settings'), 'Threadeo keeps only 2 tokens active: rotate one of them instead.')
      await third.accessible('add wizard (Threadeo): the two-token block')
    },
  }, null)
  await journey.driver.press(dialog.getByRole('button', { name: `Rotate “${INTAKE}” instead` }))
  await expect(dialog).toBeHidden()

  // The rotation: room first (the old token deleted in Threadeo, as its guide says), then the new one.
  const rotate = new GuidedFlow(page, threadeo, `Rotate “${INTAKE}”`, journey.driver)
  await journey.rotate(threadeo, INTAKE, {
    alreadyOpen: true,
    issueAt: 'generate',
    issue: () => journey.issue(portal, GENERATE),
    deleteAt: 'delete-old',
    deleteOld: async () => undefined,
  }, {
    slots: async () => {
      await expect(rotate.dialog.getByRole('alert').filter({ hasText: 'Keyhold already holds 2 active tokens for this API key' })).toBeVisible()
      await portal.remove('Delete', 'Secret token 1')
    },
  })
  await expect(journey.details).toContainText(API_KEY)
  await journey.expectTimeline([/^Checked: Works/, /^Pasted the secret secret token from the clipboard$/, `Added to replace “${INTAKE}” (rotation)`])

  await journey.expectArchived(threadeo, INTAKE)
  await journey.expectTimeline(ROTATED_AND_REVOKED)
  await journey.showAll()
  await journey.driver.press(journey.app.keys.rowButton(INTAKE))

  await journey.revokeBothWays(threadeo, INTAKE, () => portal.remove('Delete', 'Secret token 3'))
  await journey.expectArchived(threadeo, INTAKE, 2)
  // The other token was never touched.
  await journey.showAll()
  await expect(journey.app.keys.rowButton(BILLING)).toBeVisible()
  await journey.expectNoSecretLeaked()
})
