import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { addKey, createVault, expect, startHost, stopHost, test, type KeySpec, type WebHost } from './fixtures'
import { expectAccessible } from './pages/accessible'
import { KeyList } from './pages/key-list'
import { SecretWatch } from './secret-watch'
import { clipboardTargets, otherProgramCopies, readClipboard, useXDisplay } from './support/x-clipboard'

/**
 * Copy, reveal and "Paste from clipboard" in the window, proved on the REAL X11 clipboard of this
 * machine: the web host's core owns the selection; xclip reads it (and writes it, as another
 * program would). This file has an Xvfb of its own (support/x-clipboard.ts), handed to its web
 * hosts. No sleeps: every wait is on the window's visible state or on what xclip reads.
 */

const CANARY = 'CANARY-clip-3e8a51'
const SPREEFLO: KeySpec = { provider: 'Spreeflo', name: 'Spreeflo – shop', secret: `${CANARY}-spreeflo`, fields: { 'Key name in Spreeflo': 'shop' } }
const THREADEO_API_KEY = 'TD-PUBLIC-ID-77'
const THREADEO: KeySpec = {
  provider: 'Threadeo',
  name: 'Threadeo – intake',
  secret: `${CANARY}-threadeo`,
  fields: { 'Threadeo subdomain': 'legal', 'API key (acts like a username)': THREADEO_API_KEY },
}
const COUNTDOWN = /^Copied — clears in (\d+) s$/
const HINT_TARGET = 'x-kde-passwordManagerHint'
const LEFT_ALONE = 'You copied something else since, so Keyhold left the clipboard as it is.'

useXDisplay(test)

// ---- The window ---------------------------------------------------------------------------------

const keys = (page: Page) => new KeyList(page)
const row = (page: Page, name: string) => keys(page).row(name)
const rowCopy = (page: Page, name: string) => keys(page).rowCopy(name)
const details = (page: Page) => keys(page).details
const open = (page: Page, name: string) => keys(page).open(name)


async function expectAnnounced(page: Page, text: string): Promise<void> {
  await expect(page.getByRole('status')).toHaveText(text)
}

/** The seconds a visible "Copied — clears in N s" shows now. */
async function countdownSeconds(scope: Locator): Promise<number> {
  const text = await scope.getByText(COUNTDOWN).textContent()
  return Number(COUNTDOWN.exec(text ?? '')?.[1])
}

async function setClearAfter(page: Page, seconds: number): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  const field = dialog.getByLabel('Clear the clipboard after')
  await expect(field).toHaveValue('30')
  await field.fill(String(seconds))
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog).toBeHidden()
  await expectAnnounced(page, 'Settings saved.')
}


/** Where the canary is in the page itself (DOM, form values, storage), leaving out what it received. */
async function inPage(watch: SecretWatch, page: Page, secret: string): Promise<string[]> {
  return (await watch.tracesOf(page, secret)).filter((t) => !t.startsWith('received:'))
}

// ---- Tests --------------------------------------------------------------------------------------

test('copy from the row and from the detail puts exactly that value on the clipboard, marked for password managers', async ({ page, host }) => {
  const watch = await SecretWatch.attach(page)
  await createVault(page, host)
  await addKey(page, SPREEFLO)
  await addKey(page, THREADEO)

  // From the row: the secret itself, with the hint clipboard managers honour.
  await rowCopy(page, SPREEFLO.name).click()
  await expectAnnounced(page, 'Copied — clears in 30 seconds')
  await expect(row(page, SPREEFLO.name).getByText(COUNTDOWN)).toBeVisible()
  expect(await countdownSeconds(row(page, SPREEFLO.name))).toBeGreaterThanOrEqual(25)
  expect(await readClipboard()).toBe(SPREEFLO.secret)
  expect(await clipboardTargets()).toContain(HINT_TARGET)
  expect(await watch.tracesOf(page, CANARY), 'after copying from the row').toEqual([])

  // From the detail, each of Threadeo's two values by its own button.
  await open(page, THREADEO.name)
  const detail = details(page)
  await expect(detail.getByRole('button', { name: 'Copy API key', exact: true })).toBeVisible()
  await detail.getByRole('button', { name: 'Copy API key', exact: true }).click()
  await expect.poll(readClipboard).toBe(THREADEO_API_KEY)
  await expect(detail.getByText(COUNTDOWN)).toBeVisible()
  await detail.getByRole('button', { name: 'Copy secret token', exact: true }).click()
  await expect.poll(readClipboard).toBe(THREADEO.secret)
  expect(await clipboardTargets()).toContain(HINT_TARGET)
  await expectAnnounced(page, 'Copied — clears in 30 seconds')
  // The countdown moved to the key now held: on its row, and beside the token in the detail.
  await expect(row(page, THREADEO.name).getByText(COUNTDOWN)).toBeVisible()
  await expect(row(page, SPREEFLO.name).getByText(COUNTDOWN)).toBeHidden()
  await expect(detail.getByText(COUNTDOWN)).toHaveCount(1)
  // Core writes the hint here, so the history warning is not shown.
  await expect(detail.getByText('cannot be told to keep the key out of clipboard history')).toBeHidden()

  // The other keys get "Copy key"; nothing the window holds or received carries a secret.
  await open(page, SPREEFLO.name)
  await details(page).getByRole('button', { name: 'Copy key', exact: true }).click()
  await expect.poll(readClipboard).toBe(SPREEFLO.secret)
  expect(await watch.tracesOf(page, CANARY), 'after copying from the detail').toEqual([])
})

test('with the setting at 10 s the countdown runs down and the clipboard is then empty', async ({ page, host }) => {
  await createVault(page, host)
  await addKey(page, SPREEFLO)
  await setClearAfter(page, 10)

  await open(page, SPREEFLO.name)
  await details(page).getByRole('button', { name: 'Copy key', exact: true }).click()
  await expectAnnounced(page, 'Copied — clears in 10 seconds')
  expect(await readClipboard()).toBe(SPREEFLO.secret)
  const first = await countdownSeconds(details(page))
  expect(first).toBeLessThanOrEqual(10)
  // It ticks each second.
  await expect.poll(() => countdownSeconds(details(page))).toBeLessThan(first)

  await expect(details(page).getByText('Clipboard cleared')).toBeVisible({ timeout: 15_000 })
  await expect(row(page, SPREEFLO.name).getByText('Clipboard cleared')).toBeVisible()
  await expectAnnounced(page, 'Clipboard cleared')
  await expect(details(page).getByText(COUNTDOWN)).toBeHidden()
  expect(await readClipboard()).toBe('')
})

test('what another program copied after Keyhold is left on the clipboard', async ({ page, host }) => {
  await createVault(page, host)
  await addKey(page, SPREEFLO)
  await setClearAfter(page, 10)
  await open(page, SPREEFLO.name)
  await details(page).getByRole('button', { name: 'Copy key', exact: true }).click()
  await expect.poll(readClipboard).toBe(SPREEFLO.secret)

  await otherProgramCopies('user text')
  // At the timeout Keyhold finds something else there and leaves it, saying nothing alarming.
  await expect(details(page).getByText(LEFT_ALONE)).toBeVisible({ timeout: 15_000 })
  await expect(details(page).getByText(COUNTDOWN)).toBeHidden()
  await expect(page.getByRole('status')).not.toHaveText('Clipboard cleared')
  expect(await readClipboard()).toBe('user text')
})

test('locking the vault clears a copied key at once', async ({ page, host }) => {
  await createVault(page, host)
  await addKey(page, SPREEFLO)
  await rowCopy(page, SPREEFLO.name).click()
  await expect.poll(readClipboard).toBe(SPREEFLO.secret)

  await page.getByRole('button', { name: 'Lock' }).click()
  await expect(page.getByRole('heading', { name: 'Unlock Keyhold' })).toBeVisible()
  await expect.poll(readClipboard, { message: 'the clipboard is empty after the lock' }).toBe('')
})

test('Show reveals the key for 20 s, then masks it and drops it; Hide masks at once', async ({ page, host }) => {
  test.setTimeout(90_000)
  const watch = await SecretWatch.attach(page)
  await createVault(page, host)
  await addKey(page, SPREEFLO)
  await addKey(page, THREADEO)
  await open(page, SPREEFLO.name)
  const detail = details(page)
  expect(await watch.tracesOf(page, CANARY), 'before any reveal').toEqual([])

  await detail.getByRole('button', { name: 'Show key', exact: true }).click()
  const value = detail.getByText(SPREEFLO.secret, { exact: true })
  await expect(value).toBeVisible()
  // Selectable text, but not a live region that would read it out.
  await expect(value).toHaveAttribute('aria-live', 'off')
  expect(await value.evaluate((el) => getComputedStyle(el).userSelect)).not.toBe('none')
  await expect(detail.getByText(/^Hides in (20|19|18) s$/)).toBeVisible()
  await expectAnnounced(page, 'The key is shown for 20 seconds.')
  await expect(detail.getByRole('button', { name: 'Hide key', exact: true })).toBeFocused()

  // Masked again after its 20 s, and gone from the page.
  await expect(value).toBeHidden({ timeout: 25_000 })
  await expect(detail.getByRole('button', { name: 'Show key', exact: true })).toBeVisible()
  await expectAnnounced(page, 'The key is hidden again.')
  expect(await inPage(watch, page, CANARY), 'after the reveal timed out').toEqual([])

  // Hide masks at once.
  await detail.getByRole('button', { name: 'Show key', exact: true }).click()
  await expect(value).toBeVisible()
  await detail.getByRole('button', { name: 'Hide key', exact: true }).click()
  await expect(value).toBeHidden({ timeout: 500 })
  expect(await inPage(watch, page, CANARY), 'after Hide').toEqual([])

  // Choosing another key, or locking, drops a value still shown.
  await detail.getByRole('button', { name: 'Show key', exact: true }).click()
  await expect(value).toBeVisible()
  await open(page, THREADEO.name)
  expect(await inPage(watch, page, CANARY), 'after choosing another key').toEqual([])
  await details(page).getByRole('button', { name: 'Show secret token', exact: true }).click()
  await expect(details(page).getByText(THREADEO.secret, { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Lock' }).click()
  await expect(page.getByRole('heading', { name: 'Unlock Keyhold' })).toBeVisible()
  expect(await inPage(watch, page, CANARY), 'after locking').toEqual([])
})

test('Paste from clipboard takes the key in core, empties the clipboard, and the saved key is the pasted one', async ({ page, host }) => {
  const watch = await SecretWatch.attach(page)
  const pasted = `${CANARY}-pasted-0123456789abcdef`
  await createVault(page, host)
  await otherProgramCopies(pasted)

  await page.getByRole('button', { name: 'Add your first key' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a key' })
  await dialog.getByRole('button', { name: 'I already have the key: fill in one form instead' }).click()
  await dialog.getByRole('radio', { name: 'Spreeflo' }).check()
  await dialog.getByLabel('Name', { exact: true }).fill('Spreeflo – pasted')
  await dialog.getByLabel('Key name in Spreeflo', { exact: true }).fill('pasted')
  await dialog.getByLabel('API key', { exact: true }).fill('typed, then replaced')
  await dialog.getByRole('button', { name: 'Paste from clipboard' }).click()
  await expect(dialog.getByText(`Pasted: ${pasted.length} characters`)).toBeVisible()
  await expect(dialog.getByText('No stray spaces or hidden characters.')).toBeVisible()
  await expect(dialog.getByRole('group', { name: 'API key' })).toBeFocused()
  await expect(dialog.locator('input[type="password"]'), 'the typed value is gone with its field').toHaveCount(0)
  expect(await readClipboard(), 'the clipboard is emptied by the capture').toBe('')
  expect(await watch.tracesOf(page, CANARY), 'after the capture').toEqual([])

  // "Type it instead" brings the field back, empty and focused; paste again from an empty clipboard.
  await dialog.getByRole('button', { name: 'Type it instead' }).click()
  const input = dialog.getByLabel('API key', { exact: true })
  await expect(input).toBeFocused()
  await expect(input).toHaveValue('')
  await dialog.getByRole('button', { name: 'Paste from clipboard' }).click()
  await expect(dialog.getByText('The clipboard holds no text.', { exact: false })).toBeVisible()

  await otherProgramCopies(pasted)
  await dialog.getByRole('button', { name: 'Paste from clipboard' }).click()
  await expect(dialog.getByText(`Pasted: ${pasted.length} characters`)).toBeVisible()
  await dialog.getByRole('button', { name: 'Add key' }).click()
  await expect(dialog).toBeHidden()
  expect(await watch.tracesOf(page, CANARY), 'after saving a pasted key').toEqual([])

  // What was stored is exactly what was pasted.
  await rowCopy(page, 'Spreeflo – pasted').click()
  await expect.poll(readClipboard).toBe(pasted)

  // The edit form takes a pasted replacement too.
  const replacement = `${CANARY}-replacement-42`
  await otherProgramCopies(replacement)
  await open(page, 'Spreeflo – pasted')
  await details(page).getByRole('button', { name: 'Edit' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit key' })
  await edit.getByRole('button', { name: 'Paste from clipboard' }).click()
  await expect(edit.getByText(`Pasted: ${replacement.length} characters`)).toBeVisible()
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(edit).toBeHidden()
  expect(await watch.tracesOf(page, CANARY), 'after saving a pasted replacement').toEqual([])
  await details(page).getByRole('button', { name: 'Copy key', exact: true }).click()
  await expect.poll(readClipboard).toBe(replacement)
})

test('a pasted key with spaces around it is flagged, and the whitespace choice still applies', async ({ page, host }) => {
  await createVault(page, host)
  await otherProgramCopies('  tok  ')
  await page.getByRole('button', { name: 'Add your first key' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a key' })
  await dialog.getByRole('button', { name: 'I already have the key: fill in one form instead' }).click()
  await dialog.getByRole('radio', { name: 'Spreeflo' }).check()
  await dialog.getByLabel('Name', { exact: true }).fill('Spreeflo – spaced')
  await dialog.getByLabel('Key name in Spreeflo', { exact: true }).fill('spaced')
  await dialog.getByRole('button', { name: 'Paste from clipboard' }).click()
  await expect(dialog.getByText('Pasted: 7 characters')).toBeVisible()
  await expect(dialog.getByText(/starts or ends with spaces/)).toBeVisible()

  await dialog.getByRole('button', { name: 'Add key' }).click()
  await expect(dialog.getByRole('button', { name: 'Keep the key exactly as pasted' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Remove them' }).click()
  await expect(dialog).toBeHidden()
  await rowCopy(page, 'Spreeflo – spaced').click()
  await expect.poll(readClipboard).toBe('tok')
})

test('where no clipboard can be reached, copy and paste say so plainly, and Show still works', async ({ page }) => {
  // A host of its own, started with neither an X11 nor a Wayland display.
  const dataDir = mkdtempSync(join(tmpdir(), 'keyhold-e2e-noclip-'))
  const saved = { DISPLAY: process.env.DISPLAY, WAYLAND_DISPLAY: process.env.WAYLAND_DISPLAY }
  delete process.env.DISPLAY
  delete process.env.WAYLAND_DISPLAY
  let host: WebHost
  try {
    host = await startHost(dataDir)
  } finally {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value
  }
  try {
    const unavailable = /^Not copied\. The clipboard could not be used/
    await createVault(page, host)
    await addKey(page, SPREEFLO)
    await rowCopy(page, SPREEFLO.name).click()
    await expect(page.getByRole('status')).toHaveText(unavailable)
    await expect(row(page, SPREEFLO.name).getByText(COUNTDOWN)).toHaveCount(0)

    await open(page, SPREEFLO.name)
    await details(page).getByRole('button', { name: 'Copy key', exact: true }).click()
    await expect(details(page).getByText(unavailable)).toBeVisible()
    await details(page).getByRole('button', { name: 'Show key', exact: true }).click()
    await expect(details(page).getByText(SPREEFLO.secret, { exact: true })).toBeVisible()
    await details(page).getByRole('button', { name: 'Hide key', exact: true }).click()

    await page.getByRole('button', { name: 'Add key', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a key' })
    await dialog.getByRole('button', { name: 'I already have the key: fill in one form instead' }).click()
    await dialog.getByRole('button', { name: 'Paste from clipboard' }).click()
    await expect(dialog.getByRole('alert')).toHaveText(/The clipboard could not be used/)
    await expect(dialog.getByLabel('Secret token', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  } finally {
    await stopHost(host)
    rmSync(dataDir, { recursive: true, force: true })
  }
})

for (const scheme of ['light', 'dark'] as const) {
  test(`copy, reveal and paste are accessible (${scheme} theme)`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await createVault(page, host)
    await addKey(page, THREADEO)
    await open(page, THREADEO.name)
    const detail = details(page)
    await expectAccessible(page, 'detail with copy and reveal controls')

    await detail.getByRole('button', { name: 'Copy secret token', exact: true }).click()
    await expect(detail.getByText(COUNTDOWN)).toBeVisible()
    await expectAccessible(page, 'detail and row with a countdown')

    await detail.getByRole('button', { name: 'Show secret token', exact: true }).click()
    await expect(detail.getByText(THREADEO.secret, { exact: true })).toBeVisible()
    await expectAccessible(page, 'detail with a revealed value')
    await detail.getByRole('button', { name: 'Hide secret token', exact: true }).click()

    await otherProgramCopies('  tok\u200b  ')
    await page.getByRole('button', { name: 'Add key', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a key' })
    await dialog.getByRole('button', { name: 'I already have the key: fill in one form instead' }).click()
    await dialog.getByRole('button', { name: 'Paste from clipboard' }).click()
    await expect(dialog.getByText(/^Pasted: \d+ characters$/)).toBeVisible()
    await expect(dialog.getByText('It contains invisible characters.')).toBeVisible()
    await expectAccessible(page, 'add form after a capture')
    // A pasted key not saved yet: closing asks first.
    await page.keyboard.press('Escape')
    const ask = page.getByRole('alertdialog', { name: 'Discard what you typed?' })
    await expectAccessible(page, 'discard question')
    await ask.getByRole('button', { name: 'Discard' }).click()
    await expect(dialog).toBeHidden()

    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings.getByLabel('Clear the clipboard after').fill('5')
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await expect(settings.getByText('Choose a whole number of seconds from 10 to 300.')).toBeVisible()
    await expectAccessible(page, 'settings with a clipboard error')
  })
}
