import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { addKey, createVault, expect, startHost, stopHost, STRONG_PASSWORD, test, type KeySpec, type WebHost } from './fixtures'
import { KeyList } from './pages/key-list'

/**
 * Keys moving between vaults through the web host's file routes, as people do it: a share file to
 * a colleague's Keyhold (the browser's file chooser and downloads, the host's upload and download
 * routes), a spreadsheet brought in, and a whole-vault export opened by another vault.
 */
const SECRET = 'CANARY-e2e-share-5f1a-spreeflo'
const SHOP: KeySpec = { provider: 'Spreeflo', name: 'Spreeflo – shop sync', secret: SECRET, fields: { 'Key name in Spreeflo': 'shop' } }

let folder: string
test.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'keyhold-e2e-files-'))
})
test.afterEach(() => rmSync(folder, { recursive: true, force: true }))

/** A second person's Keyhold: its own host, data folder and tab. */
async function colleague(page: Page): Promise<{ host: WebHost; page: Page; stop: () => Promise<void> }> {
  const host = await startHost(mkdtempSync(join(tmpdir(), 'keyhold-e2e-colleague-')))
  const other = await page.context().newPage()
  await createVault(other, host)
  return {
    host,
    page: other,
    stop: async () => {
      await other.close()
      await stopHost(host)
      rmSync(host.dataDir, { recursive: true, force: true })
    },
  }
}

/** Clicks `button` and saves the download it starts into the test's folder; returns the path and the name the host gave. */
async function download(page: Page, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const started = page.waitForEvent('download')
  await click()
  const file = await started
  const path = join(folder, file.suggestedFilename())
  await file.saveAs(path)
  return { path, name: file.suggestedFilename() }
}

/** Clicks `button`, answering the browser's file chooser with `path`. */
async function choose(page: Page, path: string, click: () => Promise<void>): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await click()
  await (await chooser).setFiles(path)
}

test('a key goes to a colleague’s Keyhold in a passphrase share file, never as plain text', async ({ page, host }) => {
  await createVault(page, host)
  await addKey(page, SHOP)
  const keys = new KeyList(page)
  await keys.open(SHOP.name)
  await keys.details.getByRole('button', { name: 'Share…' }).click()
  const share = page.getByRole('dialog')
  // The safer option comes first: a key of their own. The share file is the last step.
  await expect(share.getByRole('button', { name: 'Add a key for them…' })).toBeVisible()
  while ((await share.getByRole('button', { name: 'Send to another Keyhold…' }).count()) === 0) await share.getByRole('button', { name: 'Next' }).click()
  await share.getByRole('button', { name: 'Send to another Keyhold…' }).click()
  const send = page.getByRole('dialog', { name: /^Send to another Keyhold/ })
  await send.getByLabel('Anyone with a passphrase Keyhold makes').check()
  await send.getByRole('button', { name: 'Make the share file' }).click()
  const shown = send.getByLabel('Passphrase')
  await expect(shown).toHaveText(/\S{4}/)
  const passphrase = (await shown.textContent())?.trim() ?? ''
  expect(passphrase.length).toBeGreaterThanOrEqual(28)
  const saved = await download(page, () => send.getByRole('button', { name: /^Save “/ }).click())
  expect(saved.name).toMatch(/\.keyhold-share$/)
  await expect(send.getByRole('status')).toContainText('Saved.')
  // What travels by email holds neither the key nor its name in the clear.
  const bytes = readFileSync(saved.path)
  expect(bytes.includes(Buffer.from(SECRET))).toBe(false)
  expect(bytes.includes(Buffer.from('shop sync'))).toBe(false)

  const ann = await colleague(page)
  try {
    await ann.page.getByRole('button', { name: 'Files', exact: true }).click()
    await ann.page.getByRole('button', { name: 'Open a share file…' }).click()
    const open = ann.page.getByRole('dialog')
    await choose(ann.page, saved.path, () => open.getByRole('button', { name: 'Choose a share file…' }).click())
    await open.getByLabel('Passphrase').fill(passphrase)
    await open.getByRole('button', { name: 'Open' }).click()
    await expect(open.getByText('The file holds this key.')).toBeVisible()
    await open.getByRole('button', { name: 'Add to vault' }).click()
    await expect(new KeyList(ann.page).rowButton(SHOP.name)).toBeVisible()
  } finally {
    await ann.stop()
  }
})

test('a spreadsheet is brought in with a preview, and a whole-vault export opens in another vault', async ({ page, host }) => {
  await createVault(page, host)
  const csv = join(folder, 'team keys.csv')
  writeFileSync(csv, 'Name,URL,API key,Notes\nBilling API,https://api.billing.example/v1,CANARY-e2e-csv-1a2b,Finance owns it\nMaps,https://maps.example.com,CANARY-e2e-csv-3c4d,\n')
  await page.getByRole('button', { name: 'Files', exact: true }).click()
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const importing = page.getByRole('dialog')
  await choose(page, csv, () => importing.getByRole('button', { name: 'Choose a file…' }).click())
  await expect(importing.getByText('Billing API')).toBeVisible()
  await importing.getByRole('button', { name: 'Import 2 keys' }).click()
  await expect(importing.getByRole('status')).toHaveText('Added 2 keys, updated 0 keys, skipped 0 keys.')
  await importing.getByRole('button', { name: 'Done' }).click()
  const keys = new KeyList(page)
  await expect(keys.rowButton('Billing API')).toBeVisible()
  await expect(keys.rowButton('Maps')).toBeVisible()

  await page.getByRole('button', { name: 'Files', exact: true }).click()
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const exporting = page.getByRole('dialog')
  const passphrase = 'violet tractor harbour quartz 42'
  await exporting.getByLabel('Passphrase for the file').fill(passphrase)
  await exporting.getByLabel('Type the passphrase again').fill(passphrase)
  const saved = await download(page, () => exporting.getByRole('button', { name: 'Export and save' }).click())
  expect(saved.name).toMatch(/\.keyhold-export$/)
  expect(readFileSync(saved.path).includes(Buffer.from('CANARY-e2e-csv'))).toBe(false)

  const ann = await colleague(page)
  try {
    await ann.page.getByRole('button', { name: 'Files', exact: true }).click()
    await ann.page.getByRole('button', { name: 'Import', exact: true }).click()
    const into = ann.page.getByRole('dialog')
    await choose(ann.page, saved.path, () => into.getByRole('button', { name: 'Choose a file…' }).click())
    await into.getByLabel('The file’s password').fill(passphrase)
    await into.getByRole('button', { name: 'Open' }).click()
    await into.getByRole('button', { name: 'Import 2 keys' }).click()
    await expect(into.getByRole('status')).toHaveText('Added 2 keys, updated 0 keys, skipped 0 keys.')
    await into.getByRole('button', { name: 'Done' }).click()
    await expect(new KeyList(ann.page).rowButton('Billing API')).toBeVisible()
    await expect(new KeyList(ann.page).rowButton('Maps')).toBeVisible()
  } finally {
    await ann.stop()
  }
})

test('a damaged vault is restored from a verified backup in the window, the damaged file kept aside', async ({ page, host }) => {
  await createVault(page, host)
  await addKey(page, SHOP)
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('button', { name: 'Back up now' }).click()
  await expect(settings.getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveCount(1)
  await stopHost(host)

  // Pages in the middle of the file overwritten, as a failing disk or a bad edit would leave them.
  const vaultFile = join(host.dataDir, 'vault.keyhold')
  const bytes = readFileSync(vaultFile)
  bytes.fill(0xa5, 4096, Math.min(bytes.length, 4096 * 4))
  writeFileSync(vaultFile, bytes)

  const again = await startHost(host.dataDir)
  try {
    await page.goto(again.url)
    await page.getByLabel('Master password').fill(STRONG_PASSWORD)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByRole('button', { name: 'Restore from a backup' }).click()
    const restore = page.getByRole('dialog', { name: 'Restore from a backup' })
    await restore.getByLabel('Master password of the backup').fill(STRONG_PASSWORD)
    const backups = restore.getByRole('list', { name: 'Backups' })
    await backups.getByRole('button', { name: 'Preview' }).first().click()
    await expect(restore.getByRole('region', { name: 'What the backup holds' })).toContainText(SHOP.name)
    await backups.getByRole('button', { name: 'Restore…' }).first().click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Restore the backup' }).click()
    await expect(page.getByRole('form', { name: 'Unlock Keyhold' }).getByRole('status')).toHaveText(/^The backup was restored and the vault locked/)
    // The damaged file was kept aside first, beside the backup that replaced it.
    expect(readdirSync(join(host.dataDir, 'backups')).filter((f) => !f.includes('.partial-'))).toHaveLength(2)
    await page.getByLabel('Master password').fill(STRONG_PASSWORD)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect(new KeyList(page).rowButton(SHOP.name)).toBeVisible()
  } finally {
    await stopHost(again)
  }
})
