import { addKey, createVault, escapeRegExp, expect, STRONG_PASSWORD, test, type KeySpec } from './fixtures'
import { ConsoleWatch } from './pages/console-watch'
import { KeyLists } from './pages/key-lists'
import { SecretWatch } from './secret-watch'

const CANARY = 'CANARY-e2e-9f27c1d4'

const KEYS: KeySpec[] = [
  {
    provider: 'Threadeo',
    name: 'Threadeo – case intake',
    secret: `${CANARY}-threadeo`,
    fields: { 'Threadeo subdomain': 'smithlegal', 'API key (acts like a username)': 'TD-PUBLIC-ID-77' },
  },
  { provider: 'ThreatSTOP', name: 'ThreatSTOP devices (read)', secret: `${CANARY}-threatstop`, selects: { 'Service the key can read': 'Devices' } },
  { provider: 'Spreeflo', name: 'Spreeflo – newsletter sync', secret: `${CANARY}-spreeflo`, fields: { 'Key name in Spreeflo': 'newsletter-sync' } },
  {
    provider: 'Custom REST API',
    name: 'Billing API',
    secret: `${CANARY}-custom`,
    fields: { 'Base URL': 'https://api.billing.example.com/v2' },
  },
]

test('a new user keeps their keys: create, add one of each, search, lock, reload, edit, delete', async ({ page, host }) => {
  const watch = await SecretWatch.attach(page)
  // No failed load (a missing favicon), no CSP violation, no uncaught error, from start to end.
  const problems = await ConsoleWatch.attach(page)
  const noCanary = async (step: string) => expect(await watch.tracesOf(page, CANARY), `after: ${step}`).toEqual([])

  // A weak password is refused with its reason, and nothing is created.
  await page.goto(host.url)
  await page.getByLabel('Master password').fill('password123')
  await page.getByLabel('Type it again').fill('password123')
  await page.getByRole('button', { name: 'Create vault' }).click()
  await expect(page.getByText(/Choose a stronger master password\. Use at least 12 characters/)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Create your Keyhold vault' })).toBeVisible()

  // The strength estimate follows the typing.
  await page.getByLabel('Master password').fill(STRONG_PASSWORD)
  await expect(page.getByText('Strong: good to use.')).toBeVisible()
  await page.getByLabel('Type it again').fill(STRONG_PASSWORD)
  await page.getByRole('button', { name: 'Create vault' }).click()
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible()
  await expect(page.getByRole('status')).toHaveText('Your vault is ready.')

  for (const key of KEYS) {
    await addKey(page, key)
    await noCanary(`adding ${key.name}`)
  }
  const list = page.getByRole('list', { name: 'Keys' })
  await expect(list.getByRole('listitem')).toHaveCount(4)
  await expect(page.getByRole('region', { name: 'Your keys' }).getByText('4 keys')).toBeVisible()
  const lists = new KeyLists(page)
  await lists.expectCount('All keys', 4)
  await lists.expectCount('Needs attention', 0)
  await lists.expectCount('Revoked', 0)

  // A provider's list, then back to all of them.
  await lists.show('Spreeflo')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await lists.show('All keys')
  await expect(list.getByRole('listitem')).toHaveCount(4)

  // Search as you type; "/" goes to the search from anywhere outside a field.
  await page.keyboard.press('/')
  await expect(page.getByLabel('Search keys')).toBeFocused()
  await page.keyboard.type('spree')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list.getByRole('button', { name: /^Spreeflo – newsletter sync/ })).toBeVisible()
  await page.getByLabel('Search keys').fill('')
  await expect(list.getByRole('listitem')).toHaveCount(4)

  // The detail shows everything but the secret.
  await list.getByRole('button', { name: /^Threadeo – case intake/ }).click()
  const detail = page.getByRole('region', { name: 'Key details' })
  await expect(detail.getByText('https://smithlegal.threadeo.com')).toBeVisible()
  await noCanary('opening a detail')

  // Lock (Ctrl+L, as the Lock button's tooltip says); a wrong password gets the one generic message; the right one opens the vault.
  await expect(page.getByRole('button', { name: 'Lock' })).toHaveAttribute('title', 'Lock (Ctrl+L)')
  await page.keyboard.press('Control+L')
  await expect(page.getByRole('heading', { name: 'Unlock Keyhold' })).toBeVisible()
  await expect(page.getByRole('status')).toHaveText('Vault locked.')
  await noCanary('locking')
  await page.getByLabel('Master password').fill('not-my-password-at-all')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByText('That password did not unlock the vault.')).toBeVisible()
  await page.getByLabel('Master password').fill(STRONG_PASSWORD)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(4)

  // A reload starts locked, until the password is given again.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Unlock Keyhold' })).toBeVisible()
  await noCanary('reloading')
  await page.getByLabel('Master password').fill(STRONG_PASSWORD)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(4)

  // Edit a name.
  await list.getByRole('button', { name: /^Billing API/ }).click()
  await detail.getByRole('button', { name: 'Edit' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit key' })
  await edit.getByLabel('Name', { exact: true }).fill('Billing API (production)')
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(edit).toBeHidden()
  await expect(detail.getByRole('heading', { name: 'Billing API (production)' })).toBeVisible()
  await expect(list.getByRole('button', { name: /^Billing API \(production\)/ })).toBeVisible()
  await noCanary('editing')

  // Delete, after confirming.
  await list.getByRole('button', { name: new RegExp(`^${escapeRegExp('ThreatSTOP devices (read)')}`) }).click()
  await detail.getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('alertdialog')
  await expect(confirm).toContainText('not revoked at the provider')
  await confirm.getByRole('button', { name: 'Delete key' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(3)
  await expect(page.getByRole('status')).toHaveText('Deleted “ThreatSTOP devices (read)”.')
  await noCanary('deleting')
  expect(problems.errors).toEqual([])
})

test('a key pasted with a stray newline is reported, and removed on request', async ({ page, host }) => {
  await createVault(page, host)
  await page.getByRole('button', { name: 'Add your first key' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a key' })
  await dialog.getByRole('button', { name: 'I already have the key: fill in one form instead' }).click()
  await dialog.getByRole('radio', { name: 'Spreeflo' }).check()
  await dialog.getByLabel('Name', { exact: true }).fill('Spreeflo – shop')
  await dialog.getByLabel('Key name in Spreeflo', { exact: true }).fill('shop')
  await dialog.getByLabel('API key', { exact: true }).fill(' sk_live_123 ')
  await dialog.getByRole('button', { name: 'Add key' }).click()
  await expect(dialog.getByText(/starts or ends with spaces/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Remove them' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('list', { name: 'Keys' }).getByRole('listitem')).toHaveCount(1)
})

test('inline validation names the field: a tenant that is not a subdomain', async ({ page, host }) => {
  await createVault(page, host)
  await page.getByRole('button', { name: 'Add your first key' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a key' })
  await dialog.getByRole('button', { name: 'I already have the key: fill in one form instead' }).click()
  await dialog.getByLabel('Name', { exact: true }).fill('Threadeo')
  await dialog.getByLabel('Threadeo subdomain', { exact: true }).fill('evil.example.com/x')
  await dialog.getByLabel('API key (acts like a username)', { exact: true }).fill('id')
  await dialog.getByLabel('Secret token', { exact: true }).fill('token')
  await dialog.getByRole('button', { name: 'Add key' }).click()
  const tenant = dialog.getByLabel('Threadeo subdomain', { exact: true })
  await expect(tenant).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByText('Threadeo subdomain is not in the expected form.')).toBeVisible()
})
