import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { READY_PREFIX } from '../../electron/web/cli-args'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { WEB_API_PREFIX, SESSION_HEADER, WEB_SESSION_PATH } from '../../electron/shared/web-protocol'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { writeRenderer } from '../support/web-host'

/**
 * The battery's "two hosts on one vault": two `npm run web` processes on the same data folder,
 * as when a person starts Keyhold twice. Separate processes, so the lock is the operating
 * system's, as it is for two real hosts (in one process SQLite shares it).
 */
const PROJECT_ROOT = join(import.meta.dirname, '..', '..')
type Proc = ChildProcessByStdio<null, Readable, Readable>
const running: Proc[] = []
const dirs: { remove(): void }[] = []

afterEach(() => {
  for (const p of running.splice(0)) if (p.exitCode === null) p.kill('SIGKILL')
  for (const d of dirs.splice(0)) d.remove()
})

interface Host {
  call(channel: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>
  stop(): Promise<void>
}

async function startHost(dataDir: string, rendererDir: string): Promise<Host> {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1' }
  delete env['KEYHOLD_DATA_DIR']
  delete env['BROWSER']
  const proc = spawn(process.execPath, ['electron/web/run-bundled.mjs', '--data-dir', dataDir, '--port', '0', '--no-open', '--renderer-dir', rendererDir], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.push(proc)
  const url = await new Promise<URL>((resolve, reject) => {
    createInterface({ input: proc.stdout }).on('line', (line) => {
      if (line.startsWith(READY_PREFIX)) resolve(new URL((JSON.parse(line.slice(READY_PREFIX.length)) as { url: string }).url))
    })
    proc.once('exit', (code) => reject(new Error(`a host exited (${code}) before it was ready`)))
  })
  const origin = url.origin
  const exchange = await fetch(new URL(WEB_SESSION_PATH, origin), { method: 'POST', headers: { Origin: origin, Authorization: `Bearer ${url.hash.slice('#token='.length)}` } })
  const session = ((await exchange.json()) as { value: { session: string } }).value.session
  return {
    async call(channel, input) {
      const res = await fetch(new URL(WEB_API_PREFIX + channel, origin), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin, [SESSION_HEADER]: session },
        body: JSON.stringify(input === undefined ? {} : { input }),
      })
      return (await res.json()) as Awaited<ReturnType<Host['call']>>
    },
    async stop() {
      const exited = new Promise((resolve) => proc.once('exit', resolve))
      proc.kill('SIGTERM')
      await exited
    },
  }
}

describe('two hosts on one vault', () => {
  it('the second is told the vault is in use, loses nothing, and takes over once the first locks', async () => {
    const dir = tempDir('keyhold-two-hosts-')
    dirs.push(dir)
    const data = join(dir.path, 'data')
    const rendererDir = join(dir.path, 'renderer')
    writeRenderer(rendererDir)
    const [first, second] = await Promise.all([startHost(data, rendererDir), startHost(data, rendererDir)])

    expect(await first.call('keyhold:vault.create', { password: STRONG_PASSWORD })).toMatchObject({ ok: true })
    const key = sampleKeys('two')[2]
    const added = (await first.call('keyhold:keys.add', key)) as { value: { id: string } }

    // While the first holds it: the second can neither create over it nor open it.
    expect(await second.call('keyhold:vault.status')).toMatchObject({ ok: true, value: { state: 'locked' } })
    expect(await second.call('keyhold:vault.unlock', { password: STRONG_PASSWORD })).toEqual({ ok: false, error: { code: 'VAULT_IN_USE', message: ERROR_MESSAGES.VAULT_IN_USE } })
    expect((await second.call('keyhold:vault.create', { password: STRONG_PASSWORD })).error?.code).toBe('VAULT_EXISTS')
    // The first is undisturbed.
    expect(await first.call('keyhold:keys.get', { id: added.value.id })).toMatchObject({ ok: true, value: { name: key?.name } })

    await first.call('keyhold:vault.lock')
    expect(await second.call('keyhold:vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ ok: true, value: { state: 'unlocked' } })
    expect(await second.call('keyhold:keys.reveal', { id: added.value.id, field: 'secret' })).toMatchObject({ ok: true, value: { value: key?.secret } })
    expect((await first.call('keyhold:vault.unlock', { password: STRONG_PASSWORD })).error?.code).toBe('VAULT_IN_USE')

    await Promise.all([first.stop(), second.stop()])
  })
})
