// `npm run web` runs electron/web/run-bundled.mjs: the host bundled once into out/web and started
// by plain Node. These tests build into a folder of their own under out/ (the bundle must sit two
// levels below the project, where it finds node_modules), so they never race the real out/web.
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { READY_PREFIX } from '../../electron/web/cli-args'
import { SESSION_HEADER, WEB_API_PREFIX, WEB_SESSION_PATH } from '../../electron/shared/web-protocol'
import { tempDir } from '../support/fixtures'
import { writeRenderer } from '../support/web-host'

const PROJECT_ROOT = join(import.meta.dirname, '..', '..')
const BUNDLE_DIR = join(PROJECT_ROOT, 'out', `web-test-${randomBytes(4).toString('hex')}`)
const BUNDLE = join(BUNDLE_DIR, 'cli.mjs')
const COMPILE_CACHE = join(BUNDLE_DIR, 'compile-cache')
const dir = tempDir('keyhold-web-bundle-')
const rendererDir = join(dir.path, 'renderer')
writeRenderer(rendererDir)

afterAll(() => {
  rmSync(BUNDLE_DIR, { recursive: true, force: true })
  dir.remove()
})

type Host = ChildProcessByStdio<null, Readable, Readable>

/** Starts the launcher exactly as `npm run web` does: plain Node, no tsx (`nodeArgs` go before the script). */
async function startBundled(nodeArgs: readonly string[] = []): Promise<{ proc: Host; lines: string[]; url: URL; stderr: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', KEYHOLD_WEB_BUNDLE_DIR: BUNDLE_DIR }
  delete env['NODE_OPTIONS']
  const args = [...nodeArgs, 'electron/web/run-bundled.mjs', '--data-dir', join(dir.path, 'data'), '--port', '0', '--no-open', '--renderer-dir', rendererDir]
  const proc = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const lines = await new Promise<string[]>((resolve, reject) => {
    const seen: string[] = []
    createInterface({ input: proc.stdout }).on('line', (line) => {
      seen.push(line)
      if (line.startsWith(READY_PREFIX)) resolve(seen)
    })
    proc.once('exit', (code) => reject(new Error(`the bundled host exited (${code}) before it was ready: ${seen.join('\n')}\n${stderr}`)))
  })
  const { url } = JSON.parse((lines.at(-1) ?? '').slice(READY_PREFIX.length)) as { url: string }
  return { proc, lines, url: new URL(url), stderr: () => stderr }
}

/**
 * Loaded into the host with --import: as the ready line is written, it writes to stderr which of
 * Node's undici internals and which files under node_modules the process has loaded by then.
 */
const LOADED_PROBE = `
import { createRequire } from 'node:module'
const cache = createRequire(process.cwd() + '/').cache
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = (chunk, ...rest) => {
  if (String(chunk).startsWith(${JSON.stringify(READY_PREFIX)})) {
    const undici = process.moduleLoadList.filter((m) => m.includes('undici'))
    const packages = [...new Set(Object.keys(cache).map((f) => /node_modules\\/((@[^/]+\\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean))]
    process.stderr.write('LOADED ' + JSON.stringify({ undici, packages }) + '\\n')
  }
  return write(chunk, ...rest)
}`

async function stop(proc: Host): Promise<void> {
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })))
  proc.kill('SIGTERM')
  expect(await exited).toEqual({ code: 0, signal: null })
}

async function call(url: URL, session: string, channel: string, input?: unknown): Promise<unknown> {
  const res = await fetch(new URL(WEB_API_PREFIX + channel, url.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url.origin, [SESSION_HEADER]: session },
    body: JSON.stringify(input === undefined ? {} : { input }),
  })
  expect(res.status, channel).toBe(200)
  return res.json()
}

const BUILDING = 'Building the Keyhold web host (first run only)…'
const REBUILDING = 'Rebuilding the Keyhold web host (its sources changed)…'

describe('the bundled web host (electron/web/run-bundled.mjs)', () => {
  it('builds when missing, serves a session under plain Node, rebuilds when stale, and otherwise starts as built', { timeout: 120_000 }, async () => {
    const first = await startBundled()
    expect(first.lines[0]).toBe(BUILDING)
    // The bundle runs by itself: no TypeScript loader in its process.
    expect(readFileSync(`/proc/${first.proc.pid}/cmdline`, 'utf8')).not.toContain('tsx')
    const exchange = await fetch(new URL(WEB_SESSION_PATH, first.url.origin), {
      method: 'POST',
      headers: { Origin: first.url.origin, Authorization: `Bearer ${first.url.hash.slice('#token='.length)}` },
    })
    const session = ((await exchange.json()) as { value: { session: string } }).value.session
    expect(await call(first.url, session, 'keyhold:vault.status')).toMatchObject({ ok: true, value: { state: 'absent' } })
    // Creating a vault runs the two parts a bundle could break: the Argon2id worker (eval'd from
    // a string, loading hash-wasm from node_modules) and the password checker's lazy dictionaries.
    expect(await call(first.url, session, 'keyhold:vault.create', { password: 'bundled lantern orbit harbour 2026' })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    })
    await stop(first.proc)
    // The host left V8's compiled code for the next start.
    expect(readdirSync(COMPILE_CACHE, { recursive: true }).length).toBeGreaterThan(0)

    // Older than its sources (as after a `git pull`): rebuilt before it starts, the old code cache dropped.
    utimesSync(BUNDLE, new Date('2001-01-01'), new Date('2001-01-01'))
    const oldEntry = join(COMPILE_CACHE, 'entry-of-the-old-bundle')
    writeFileSync(oldEntry, '')
    const second = await startBundled()
    expect(second.lines[0]).toBe(REBUILDING)
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(new Date('2001-01-01').getTime())
    expect(existsSync(oldEntry)).toBe(false)
    await stop(second.proc)

    const third = await startBundled()
    expect(third.lines).not.toContain(BUILDING)
    expect(third.lines).not.toContain(REBUILDING)
    await stop(third.proc)
  })

  it('is ready without loading what only later calls use: undici (fetch, http’s WebSocket) or the X11 client', { timeout: 120_000 }, async () => {
    const host = await startBundled([`--import=data:text/javascript,${encodeURIComponent(LOADED_PROBE)}`])
    await stop(host.proc)
    const line = host.stderr().split('\n').find((l) => l.startsWith('LOADED '))
    if (line === undefined) throw new Error(`the probe wrote nothing: ${host.stderr()}`)
    const loaded = JSON.parse(line.slice('LOADED '.length)) as { undici: string[]; packages: string[] }
    expect(loaded.undici).toEqual([])
    // better-sqlite3 is imported with the store; the probe must see it, or it sees nothing.
    expect(loaded.packages).toContain('better-sqlite3')
    expect(loaded.packages).not.toContain('x11')
    // Only Electron's main process reads the built-in registry; built here, its schemas cost the start.
    expect(readFileSync(BUNDLE, 'utf8')).not.toContain('new ProviderRegistry(BUILT_IN_PROVIDERS)')
  })
})
