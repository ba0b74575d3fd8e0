import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

const ROOT = join(import.meta.dirname, '..', '..')

export interface WebHost {
  /** The address with its one-time token, as the host printed it. */
  url: string
  origin: string
  dataDir: string
  process: ChildProcess
}

/** Starts `electron/web/cli.ts` on its own data folder and waits for its ready line. */
export async function startHost(dataDir: string): Promise<WebHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/web/cli.ts'), '--data-dir', dataDir, '--port', '0', '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const ready = await new Promise<{ url: string }>((resolve, reject) => {
    let out = ''
    let err = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split('\n').find((l) => l.startsWith('KEYHOLD_WEB_READY '))
      if (line) resolve(JSON.parse(line.slice('KEYHOLD_WEB_READY '.length)) as { url: string })
    })
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`web host exited (${code}) before it was ready: ${err}`)))
  })
  return { url: ready.url, origin: new URL(ready.url).origin, dataDir, process: child }
}

export async function stopHost(host: WebHost): Promise<void> {
  if (host.process.exitCode !== null) return
  const exited = new Promise((resolve) => host.process.once('exit', resolve))
  host.process.kill('SIGTERM')
  await exited
}

export const STRONG_PASSWORD = 'correct-horse-battery-staple-42'

/** Each test gets its own data folder and its own web host. */
export const test = base.extend<{ host: WebHost }>({
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'keyhold-e2e-'))
    const host = await startHost(dataDir)
    await use(host)
    await stopHost(host)
    rmSync(dataDir, { recursive: true, force: true })
  },
})

export { expect }

/** Creates a vault through the first-run screen and waits for the empty vault. */
export async function createVault(page: Page, host: WebHost, password = STRONG_PASSWORD): Promise<void> {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Create your Keyhold vault' })).toBeVisible()
  await page.getByLabel('Master password').fill(password)
  await page.getByLabel('Type it again').fill(password)
  await page.getByRole('button', { name: 'Create vault' }).click()
  await expect(page.getByRole('heading', { name: 'No keys yet' })).toBeVisible()
}

export interface KeySpec {
  provider: 'Threadeo' | 'ThreatSTOP' | 'Spreeflo' | 'Custom REST API'
  name: string
  secret: string
  fields?: Record<string, string>
  selects?: Record<string, string>
}

/** Adds a key through the Add key dialog, the way a person would. */
export async function addKey(page: Page, key: KeySpec): Promise<void> {
  await page.getByRole('button', { name: /^Add (your first )?key$/ }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add a key' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('radio', { name: key.provider }).check()
  await dialog.getByLabel('Name', { exact: true }).fill(key.name)
  for (const [label, value] of Object.entries(key.fields ?? {})) await dialog.getByLabel(label, { exact: true }).fill(value)
  for (const [label, value] of Object.entries(key.selects ?? {})) await dialog.getByLabel(label, { exact: true }).selectOption({ label: value })
  const secretLabel = key.provider === 'Threadeo' ? 'Secret token' : 'API key'
  await dialog.getByLabel(secretLabel, { exact: true }).fill(key.secret)
  await dialog.getByRole('button', { name: 'Add key' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('list', { name: 'Keys' }).getByRole('button', { name: new RegExp(`^${escapeRegExp(key.name)}`) })).toBeVisible()
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
