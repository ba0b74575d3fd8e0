import { saveProviderSettings } from './pages/settings-api'
import type { Page } from '@playwright/test'
import { startSandboxes, type Sandboxes } from '../sandbox/index'
import { addKey, createVault, expect, test as base, type KeySpec } from './fixtures'
import { expectAccessible } from './pages/accessible'
import { KeyList } from './pages/key-list'
import { KeyLists } from './pages/key-lists'

/** Revoking a key: the provider's steps, the irreversible gate, the verify check against the sandbox, the archive. */
const test = base.extend<{ sandboxes: Sandboxes }>({
  sandboxes: async ({}, use) => {
    const sandboxes = await startSandboxes()
    await use(sandboxes)
    await sandboxes.close()
  },
})

const SPREEFLO: KeySpec = { provider: 'Spreeflo', name: 'Spreeflo – old shop', secret: 'CANARY-revoke-9c2d-spreeflo', fields: { 'Key name in Spreeflo': 'shop' } }

function pointAtSandboxes(page: Page, sb: Sandboxes): Promise<void> {
  return saveProviderSettings(page, { spreeflo: { baseUrl: sb.spreeflo.url } })
}

test('a user revokes a Spreeflo key, follows the dialog, sees it verified and finds it under Revoked', async ({ page, host, sandboxes }) => {
  sandboxes.spreeflo.addKey({ secret: SPREEFLO.secret })
  await createVault(page, host)
  await pointAtSandboxes(page, sandboxes)
  await addKey(page, SPREEFLO)
  const keys = new KeyList(page)
  await keys.open(SPREEFLO.name)
  await keys.details.getByRole('button', { name: 'Revoke…' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('heading', { level: 2, name: 'When to revoke' })).toBeVisible()
  await expectAccessible(page, 'revoke dialog')
  await dialog.getByRole('button', { name: 'Next' }).click()
  await expect(dialog.getByRole('link', { name: 'Open Spreeflo' })).toHaveAttribute('rel', 'noopener noreferrer')
  // The person revokes it in Spreeflo (here: the sandbox).
  sandboxes.spreeflo.revoke(SPREEFLO.secret)
  await dialog.getByRole('button', { name: 'Next' }).click()
  await dialog.getByRole('checkbox', { name: 'I understand this cannot be undone' }).check()
  await dialog.getByRole('button', { name: 'Next' }).click()
  await dialog.getByRole('button', { name: 'Check that the key is revoked' }).click()
  await expect(dialog.getByText(/^Revoked — verified on /)).toBeVisible()
  await expectAccessible(page, 'revoke verified')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Gone from All keys (its page stays open until another list is chosen); there under "Revoked".
  await expect(keys.row(SPREEFLO.name)).toHaveCount(0)
  const lists = new KeyLists(page)
  await lists.expectCount('Revoked', 1)
  await lists.expectCount('All keys', 0)
  await lists.show('Revoked')
  await keys.open(SPREEFLO.name)
  await expect(keys.details.getByText(/^Revoked — verified on /)).toBeVisible()
  await expect(keys.details.getByRole('button', { name: /Copy|Reveal|Check now/ })).toHaveCount(0)
})
