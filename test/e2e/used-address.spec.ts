import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { createVault, expect, pressEnter, startHost, stopHost, STRONG_PASSWORD, test, type WebHost } from './fixtures'

const ADDRESS_SPENT = 'This Keyhold address no longer works'
// Word for word, since the person acts on it: the host must do exactly what this says.
const HOW_TO_GO_ON =
  'Each address Keyhold prints opens one window, once, and only until Keyhold stops. ' +
  'To get a new one, press Enter in the terminal where Keyhold runs, then open the new address it prints there. ' +
  'Only one window is connected at a time: opening the new address signs out any other.'
const SESSION_ENDED = "This Keyhold window's session has ended"

async function expectAddressSpent(page: Page): Promise<void> {
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { name: ADDRESS_SPENT })).toBeVisible()
  await expect(alert.getByRole('paragraph')).toHaveText(HOW_TO_GO_ON)
  await expect(page).toHaveTitle('Keyhold – address used')
  await expect(page.getByRole('heading', { name: /Unlock Keyhold|Create your Keyhold vault|not connected/ })).toHaveCount(0)
}

test('a used address opened in a new tab says how to get a new one; Enter in the terminal prints one that works', async ({ page, host }) => {
  await createVault(page, host)

  const second = await page.context().newPage()
  await second.goto(host.url)
  await expectAddressSpent(second)
  // A reload keeps the page: the fragment that told is gone, and "not connected" would send the
  // person back to the address that failed.
  await second.reload()
  await expectAddressSpent(second)
  // The first window was not disturbed by any of it.
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible()

  // Doing what the page says, in this same tab: only the fragment changes, and the page must still take it.
  const fresh = await pressEnter(host)
  expect(new URL(fresh).origin).toBe(host.origin)
  expect(fresh).not.toBe(host.url)
  await second.goto(fresh)
  await expect(second.getByRole('heading', { name: 'Unlock Keyhold' })).toBeVisible()
  await second.getByLabel('Master password').fill(STRONG_PASSWORD)
  await second.getByRole('button', { name: 'Unlock' }).click()
  await expect(second.getByRole('heading', { name: 'No keys yet' })).toBeVisible()

  // …and, as the page warned, the first window is signed out: at once, not at its next click.
  await expect(page.getByRole('alert').getByRole('heading', { name: SESSION_ENDED })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('when a new address is opened in another window')

  // The new window stays connected over a reload; the spent address stays spent.
  await second.reload()
  await expect(second.getByRole('heading', { name: 'Unlock Keyhold' })).toBeVisible()
  const third = await page.context().newPage()
  await third.goto(fresh)
  await expectAddressSpent(third)
})

test('an address from before Keyhold restarted gets the same page, and the restarted host’s Enter gives one that works', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'keyhold-e2e-restart-'))
  let host: WebHost | undefined
  try {
    host = await startHost(dataDir)
    await createVault(page, host)
    const before = host.url
    await stopHost(host)
    // The same port, as `npm run web -- --port N` would give it again.
    host = await startHost(dataDir, Number(new URL(before).port))
    expect(host.origin).toBe(new URL(before).origin)

    const tab = await page.context().newPage()
    await tab.goto(before)
    await expectAddressSpent(tab)

    await tab.goto(await pressEnter(host))
    await expect(tab.getByRole('heading', { name: 'Unlock Keyhold' })).toBeVisible()
    await tab.getByLabel('Master password').fill(STRONG_PASSWORD)
    await tab.getByRole('button', { name: 'Unlock' }).click()
    await expect(tab.getByRole('heading', { name: 'No keys yet' })).toBeVisible()
  } finally {
    if (host) await stopHost(host)
    rmSync(dataDir, { recursive: true, force: true })
  }
})
