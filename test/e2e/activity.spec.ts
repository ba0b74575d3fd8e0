import { expect, test } from './fixtures'
import { expectAccessible } from './pages/accessible'
import { KeyholdApp } from './pages/keyhold-app'

test('what was done with a key shows in its timeline and the vault’s, never a value', async ({ page, host }) => {
  const app = new KeyholdApp(page)
  await app.createVault(host.url)
  // Port 9 has nothing listening: the check answers "could not be checked", without a provider.
  await app.addKey({ provider: 'Custom REST API', name: 'Internal API', secret: 'CANARY-activity-e2e', fields: { 'Base URL': 'http://127.0.0.1:9/api' } })
  await app.keys.open('Internal API')
  const detail = page.getByRole('region', { name: 'Key details' })
  await detail.getByRole('button', { name: /^Copy/ }).first().click()
  await detail.getByRole('button', { name: /^Check/ }).first().click()

  const timeline = detail.getByRole('list', { name: 'Activity' })
  await expect(timeline).toContainText('Checked: Couldn’t tell — try again later')
  await expect(timeline).toContainText(/Copied/)
  await expect(timeline).toContainText('Added')
  await expect(detail).not.toContainText('CANARY-activity-e2e')
  await expectAccessible(page, 'a key’s timeline')

  await page.getByRole('button', { name: 'Activity', exact: true }).click()
  const vault = page.getByRole('dialog', { name: 'Vault activity' })
  await expect(vault).toContainText('Internal API')
  await expect(vault).toContainText(/Copied/)
  await vault.getByLabel('Show activity').selectOption({ label: 'Checks' })
  await expect(vault).not.toContainText(/Copied/)
  await expect(vault).toContainText('Checked')
  await expectAccessible(page, 'the vault’s timeline')
})
