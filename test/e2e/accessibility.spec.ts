import { addKey, createVault, expect, STRONG_PASSWORD, test } from './fixtures'
import { expectAccessible } from './pages/accessible'
import { KeyLists } from './pages/key-lists'


for (const scheme of ['light', 'dark'] as const) {
  test(`every screen is accessible (${scheme} theme)`, async ({ page, host }) => {
    // Axe on every screen of both flows, with two vault creations: minutes on a loaded machine.
    test.setTimeout(180_000)
    const lists = new KeyLists(page)
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto(host.url)
    await expect(page.getByRole('heading', { name: 'Create your Keyhold vault' })).toBeVisible()
    await expectAccessible(page, 'first run')
    await page.getByLabel('Master password').fill('short')
    await page.getByLabel('Type it again').fill('short')
    await page.getByRole('button', { name: 'Create vault' }).click()
    await expect(page.getByRole('alert').first()).toBeVisible()
    await expectAccessible(page, 'first run with an error')

    await page.goto('about:blank')
    await createVault(page, host)
    await expectAccessible(page, 'empty vault')

    await page.getByRole('button', { name: 'Add your first key' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a key' })
    await expectAccessible(page, 'add wizard: choose the service')
    await dialog.getByRole('button', { name: 'I already have the key: fill in one form instead' }).click()
    for (const provider of ['Threadeo', 'ThreatSTOP', 'Spreeflo', 'Custom REST API']) {
      await dialog.getByRole('radio', { name: provider }).check()
      await expectAccessible(page, `add dialog (${provider})`)
    }
    await dialog.getByRole('button', { name: 'Add key' }).click()
    await expect(dialog.getByRole('alert').first()).toBeVisible()
    await expectAccessible(page, 'add dialog with errors')
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    await addKey(page, { provider: 'Spreeflo', name: 'Spreeflo – shop', secret: 'sk_test_1', fields: { 'Key name in Spreeflo': 'shop', 'Tags (optional, separated by commas)': 'web, billing' } })
    await expectAccessible(page, 'key list with detail')
    await lists.show('web')
    await expectAccessible(page, 'a tag’s list')
    // A narrow window: the sidebar folded behind its button, then unfolded over the list.
    const size = page.viewportSize()
    await page.setViewportSize({ width: 720, height: 800 })
    await expect(lists.nav).toBeHidden()
    await expectAccessible(page, 'narrow window')
    await lists.toggle.click()
    await expect(lists.nav).toBeVisible()
    await expectAccessible(page, 'narrow window with the key lists unfolded')
    await lists.show('All keys')
    if (size) await page.setViewportSize(size)
    await page.getByRole('region', { name: 'Key details' }).getByRole('button', { name: 'Edit' }).click()
    await expectAccessible(page, 'edit dialog')
    await page.keyboard.press('Escape')
    await page.getByRole('region', { name: 'Key details' }).getByRole('button', { name: 'Delete' }).click()
    await expectAccessible(page, 'delete confirmation')
    await page.getByRole('button', { name: 'Keep it' }).click()
    await page.getByRole('button', { name: 'Change master password' }).click()
    await expectAccessible(page, 'change password dialog')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Lock' }).click()
    await expect(page.getByRole('heading', { name: 'Unlock Keyhold' })).toBeVisible()
    await expectAccessible(page, 'unlock')
    await page.getByLabel('Master password').fill('wrong password here')
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect(page.getByRole('alert')).toBeVisible()
    await expectAccessible(page, 'unlock with an error')
    await page.getByLabel('Master password').fill(STRONG_PASSWORD)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect(page.getByRole('list', { name: 'Keys' })).toBeVisible()
  })
}

test('the whole journey works from the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.getByLabel('Master password')).toBeFocused()
  await page.keyboard.type(STRONG_PASSWORD)
  await page.keyboard.press('Tab')
  // The strength hint sits between the two fields; tab until the confirmation field has focus.
  while (!(await page.getByLabel('Type it again').evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab')
  await page.keyboard.type(STRONG_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible()

  await page.getByRole('button', { name: 'Add your first key' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Add a key' })
  await dialog.getByRole('button', { name: 'I already have the key: fill in one form instead' }).focus()
  await page.keyboard.press('Enter')
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused()
  await page.keyboard.type('Keyboard key')
  await dialog.getByLabel('Threadeo subdomain').focus()
  await page.keyboard.type('acme')
  await page.keyboard.press('Tab')
  await page.keyboard.type('ID-1')
  await dialog.getByLabel('Secret token').focus()
  await page.keyboard.type('tok_123')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  // Focus returns to where the dialog was opened from, and the new row can be reached and opened.
  const row = page.getByRole('list', { name: 'Keys' }).getByRole('button', { name: /^Keyboard key/ })
  await row.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Key details' }).getByRole('heading', { name: 'Keyboard key' })).toBeVisible()
  // Focus is visible: the focused control draws an outline.
  const outline = await row.evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).not.toBe('none')
})
