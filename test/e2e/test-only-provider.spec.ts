import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

const ROOT = join(import.meta.dirname, '..', '..')
const PASSWORD = 'correct-horse-battery-staple-42'

// A test build: the web host's composition with a provider that exists only under test/
// (test/providers/ledgerly.ts) and its sandbox. The window was not changed for it: it renders the
// provider from the descriptor core hands it.
test('a provider that exists only in the tests is offered, added and checked in the window', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'keyhold-e2e-extra-'))
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/e2e/support/extra-provider-host.ts'), dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  try {
    const { url, sandbox } = await new Promise<{ url: string; sandbox: string }>((resolve, reject) => {
      let out = ''
      let err = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const line = out.split('\n').find((l) => l.startsWith('KEYHOLD_WEB_READY '))
        if (line) resolve(JSON.parse(line.slice('KEYHOLD_WEB_READY '.length)) as { url: string; sandbox: string })
      })
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
      child.once('exit', (code) => reject(new Error(`the test host exited (${code}): ${err}`)))
    })

    await page.goto(url)
    await page.getByLabel('Master password').fill(PASSWORD)
    await page.getByLabel('Type it again').fill(PASSWORD)
    await page.getByRole('button', { name: 'Create vault' }).click()
    await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible()

    // Point the vault at the provider's sandbox, as Settings would (the test provider's own fieldset).
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings.getByLabel('Ledgerly base URL', { exact: true }).fill(sandbox)
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await expect(settings).toBeHidden()

    await page.getByRole('button', { name: /^Add (your first )?key$/ }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Add a key' })
    await dialog.getByRole('button', { name: 'I already have the key: fill in one form instead' }).click()
    await dialog.getByRole('radio', { name: 'Ledgerly (test provider)' }).check()
    await dialog.getByLabel('Name', { exact: true }).fill('Books sync')
    await dialog.getByLabel('Ledgerly workspace', { exact: true }).fill('acme-books')
    await dialog.getByLabel('Data region', { exact: true }).selectOption({ label: 'United States' })
    await dialog.getByLabel('Ledgerly key', { exact: true }).fill('ledgerly-e2e-key')
    await dialog.getByRole('button', { name: 'Add key' }).click()
    await expect(dialog).toBeHidden()

    const list = page.getByRole('list', { name: 'Keys' })
    await list.getByRole('button', { name: /^Books sync/ }).click()
    const detail = page.getByRole('region', { name: 'Key details' })
    await expect(detail.getByText('acme-books')).toBeVisible()
    await expect(detail.getByText('United States')).toBeVisible()
    await detail.getByRole('button', { name: /^Check/ }).first().click()
    await expect(detail.getByText('Works in its Ledgerly workspace').first()).toBeVisible()
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
    rmSync(dataDir, { recursive: true, force: true })
  }
})
