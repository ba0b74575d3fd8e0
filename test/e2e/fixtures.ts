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

/**
 * Starts `electron/web/cli.ts` on its own data folder and waits for its ready line. `port` 0 (the
 * default) takes any free port; a restarted host is given its old one. Its stdin is a pipe, as a
 * terminal would be, so a test can press Enter there (`pressEnter`).
 */
export async function startHost(dataDir: string, port = 0): Promise<WebHost> {
  // The bundled host, as `npm run web` runs it: each test starts its own, and tsx would add half a
  // second to every one. A stale bundle is rebuilt by whichever host starts first.
  const child = spawn(process.execPath, [join(ROOT, 'electron/web/run-bundled.mjs'), '--data-dir', dataDir, '--port', String(port), '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, CI: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
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

/**
 * Presses Enter in the host's terminal and resolves with the address it prints in answer, read
 * from the line exactly as a person sees it.
 */
export function pressEnter(host: WebHost): Promise<string> {
  const printed = new Promise<string>((resolve, reject) => {
    // A plain listener beside the one startHost keeps: readline would pause the stream when closed.
    let out = ''
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const found = /^New address \(the previous one no longer works\): (http:\/\/\S+)$/m.exec(out)
      if (!found?.[1]) return
      host.process.stdout?.off('data', onData)
      resolve(found[1])
    }
    host.process.stdout?.on('data', onData)
    host.process.once('exit', (code) => reject(new Error(`web host exited (${code}) before printing a new address`)))
  })
  host.process.stdin?.write('\n')
  return printed
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
