import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import type { KeySpec } from './pages/key-form'
import { KeyholdApp } from './pages/keyhold-app'

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
  // The bundled host, as `npm run web` runs it: each test starts its own, and tsx would add half a
  // second to every one. A stale bundle is rebuilt by whichever host starts first.
  const child = spawn(process.execPath, [join(ROOT, 'electron/web/run-bundled.mjs'), '--data-dir', dataDir, '--port', '0', '--no-open'], {
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

export { STRONG_PASSWORD } from './pages/keyhold-app'
export { escapeRegExp } from './pages/key-list'
export type { KeySpec } from './pages/key-form'

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
export async function createVault(page: Page, host: WebHost, password?: string): Promise<void> {
  await new KeyholdApp(page).createVault(host.url, password)
}

/** Adds a key through the Add key dialog, the way a person would. */
export async function addKey(page: Page, key: KeySpec): Promise<void> {
  await new KeyholdApp(page).addKey(key)
}
