import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process'
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { createInterface } from 'node:readline'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { READY_PREFIX } from '../../electron/web/cli-args'
import { tempDir } from '../support/fixtures'
import { INDEX_HTML, writeRenderer } from '../support/web-host'

const PROJECT_ROOT = join(import.meta.dirname, '..', '..')

let dir: ReturnType<typeof tempDir>
type Cli = ChildProcessByStdio<Writable | null, Readable, Readable>

let child: Cli | undefined

beforeEach(() => {
  dir = tempDir('keyhold-web-cli-')
})
afterEach(() => {
  if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  child = undefined
  dir.remove()
})

/**
 * Starts the CLI exactly as `npm run web` will, on the Node running the tests (the pinned 24):
 * the bundled host, so these tests cover what people run (web-host-bundle.test.ts covers the
 * building itself).
 */
function startCli(args: readonly string[], extraEnv: Record<string, string> = {}, stdin: 'ignore' | 'pipe' = 'ignore'): Cli {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv }
  delete env['KEYHOLD_DATA_DIR']
  if (!('BROWSER' in extraEnv)) delete env['BROWSER']
  if (extraEnv['KEYHOLD_BROWSER_OPENER'] || extraEnv['BROWSER']) delete env['CI']
  const proc = spawn(process.execPath, ['electron/web/run-bundled.mjs', ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: [stdin, 'pipe', 'pipe'],
  }) as Cli
  child = proc
  return proc
}

/** Every stdout line up to and including the READY line, resolved as soon as it is printed. */
function untilReady(proc: Cli): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lines: string[] = []
    const rl = createInterface({ input: proc.stdout })
    let stderr = ''
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    rl.on('line', (line) => {
      lines.push(line)
      if (line.startsWith(READY_PREFIX)) resolve(lines)
    })
    proc.once('exit', (code) => reject(new Error(`the CLI exited (${code}) before it was ready: ${lines.join('\n')}\n${stderr}`)))
  })
}

function exitOf(proc: Cli): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })))
}

async function output(proc: Cli): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const { code } = await exitOf(proc)
  return { code, stdout, stderr }
}

describe('npm run web (electron/web/run-bundled.mjs, running cli.ts bundled)', () => {
  it('prints the address with its token, then READY last; serves; stops with exit 0 on SIGTERM', async () => {
    const rendererDir = join(dir.path, 'renderer')
    writeRenderer(rendererDir)
    const started = performance.now()
    const proc = startCli(['--data-dir', join(dir.path, 'data'), '--port', '0', '--no-open', '--renderer-dir', rendererDir])
    const lines = await untilReady(proc)
    const startMs = performance.now() - started

    const ready = JSON.parse((lines.find((l) => l.startsWith(READY_PREFIX)) ?? '').slice(READY_PREFIX.length)) as { url: string; port: number }
    const url = new URL(ready.url)
    expect(url.origin).toBe(`http://127.0.0.1:${ready.port}`)
    expect(url.pathname).toBe('/')
    expect(url.hash).toMatch(/^#token=[A-Za-z0-9_-]{43}$/)
    expect(lines).toContain(`Keyhold is running at ${ready.url}`)
    expect(startMs).toBeLessThan(30_000)

    const page = await fetch(url.origin)
    expect(page.status).toBe(200)
    expect(await page.text()).toBe(INDEX_HTML)
    const session = await fetch(new URL('/session', url.origin), {
      method: 'POST',
      headers: { Origin: url.origin, Authorization: `Bearer ${url.hash.slice('#token='.length)}` },
    })
    expect(session.status).toBe(200)

    const exited = exitOf(proc)
    proc.kill('SIGTERM')
    expect(await exited).toEqual({ code: 0, signal: null })
    // The host's diagnostics log, in the data folder it was given: started, then stopped on the signal.
    const events = readFileSync(join(dir.path, 'data', 'logs', 'keyhold.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { event?: string }).event)
    expect(events).toEqual(['core.started', 'core.stopped'])
  })

  it('opens the browser on a 0600 file forwarding to the address: no command line carries the token', async () => {
    const rendererDir = join(dir.path, 'renderer')
    writeRenderer(rendererDir)
    const dataDir = join(dir.path, 'data')
    // The opener records what it was given, then waits on a FIFO so it is still running (and its
    // command line readable) while /proc is scanned.
    const rec = join(dir.path, 'opener')
    spawnSync('mkdir', ['-p', rec])
    const release = join(rec, 'release')
    expect(spawnSync('mkfifo', [release]).status).toBe(0)
    const opener = join(dir.path, 'record-opener.sh')
    writeFileSync(
      opener,
      [
        '#!/bin/sh',
        `R='${rec}'`,
        'printf "%s\n" "$@" > "$R/argv"',
        'stat -c %a "$1" > "$R/mode"',
        'stat -c %a "$(dirname "$1")" > "$R/dirmode"',
        'cat "$1" > "$R/page"',
        'touch "$R/done"',
        'read line < "$R/release"',
        '',
      ].join('\n'),
    )
    chmodSync(opener, 0o755)
    const proc = startCli(['--data-dir', dataDir, '--port', '0', '--renderer-dir', rendererDir], { KEYHOLD_BROWSER_OPENER: opener })
    const lines = await untilReady(proc)
    const ready = JSON.parse((lines.find((l) => l.startsWith(READY_PREFIX)) ?? '').slice(READY_PREFIX.length)) as { url: string }
    const token = new URL(ready.url).hash.slice('#token='.length)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    await expect.poll(() => existsSync(join(rec, 'done')), { timeout: 10_000 }).toBe(true)

    const argv = readFileSync(join(rec, 'argv'), 'utf8').trim().split('\n')
    const launchFile = join(dataDir, 'web-launch', 'open-keyhold.html')
    expect(argv).toEqual([launchFile])
    expect(readFileSync(join(rec, 'mode'), 'utf8').trim()).toBe('600')
    expect(readFileSync(join(rec, 'dirmode'), 'utf8').trim()).toBe('700')
    // The file forwards to the address; it is the only place besides the terminal that holds it.
    expect(readFileSync(join(rec, 'page'), 'utf8')).toContain(`<meta http-equiv="refresh" content="0;url=${ready.url}">`)

    const withToken: string[] = []
    let openerSeen = false
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let cmdline: string
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
      } catch {
        continue
      }
      if (cmdline.includes(token)) withToken.push(`${pid}: ${cmdline}`)
      if (cmdline.includes(launchFile)) openerSeen = true
    }
    expect(openerSeen).toBe(true)
    expect(withToken).toEqual([])
    writeFileSync(release, 'go\n')

    const exited = exitOf(proc)
    proc.kill('SIGTERM')
    expect(await exited).toEqual({ code: 0, signal: null })
    expect(existsSync(launchFile)).toBe(false)
    expect(existsSync(join(dataDir, 'web-launch'))).toBe(false)
  })

  it('opens BROWSER with the launch file, opens nothing with BROWSER=none, and says so in one sentence when the browser fails', async () => {
    const rendererDir = join(dir.path, 'renderer')
    writeRenderer(rendererDir)
    const dataDir = join(dir.path, 'data')
    const record = join(dir.path, 'browser-argv')
    const browser = join(dir.path, 'record-browser.sh')
    writeFileSync(browser, `#!/bin/sh\nprintf "%s\\n" "$@" > '${record}'\n`)
    chmodSync(browser, 0o755)
    const launchFile = join(dataDir, 'web-launch', 'open-keyhold.html')

    let proc = startCli(['--data-dir', dataDir, '--port', '0', '--renderer-dir', rendererDir], { BROWSER: `${browser} --new-window %s` })
    await untilReady(proc)
    await expect.poll(() => existsSync(record), { timeout: 10_000 }).toBe(true)
    expect(readFileSync(record, 'utf8').trim().split('\n')).toEqual(['--new-window', launchFile])
    let exited = exitOf(proc)
    proc.kill('SIGTERM')
    await exited
    rmSync(record)

    // BROWSER=none wins even over a display and no CI: nothing runs, no launch file is written.
    proc = startCli(['--data-dir', dataDir, '--port', '0', '--renderer-dir', rendererDir], { BROWSER: 'none', DISPLAY: ':99' })
    await untilReady(proc)
    expect(existsSync(join(dataDir, 'web-launch'))).toBe(false)
    exited = exitOf(proc)
    proc.kill('SIGTERM')
    await exited
    expect(existsSync(record)).toBe(false)

    for (const failing of [join(dir.path, 'no-such-browser'), 'false']) {
      proc = startCli(['--data-dir', dataDir, '--port', '0', '--renderer-dir', rendererDir], { BROWSER: failing })
      // `lines` keeps filling after the ready line: the browser's failure may be told before or after it.
      const lines = await untilReady(proc)
      const ready = lines.find((l) => l.startsWith(READY_PREFIX)) ?? ''
      const address = JSON.parse(ready.slice(READY_PREFIX.length)).url as string
      const sentence = `Keyhold could not open your browser with “${failing}”, so open ${address} in it by hand.`
      if (!lines.includes(sentence)) await new Promise<void>((resolve) => createInterface({ input: proc.stdout }).on('line', (l) => l === sentence && resolve()))
      exited = exitOf(proc)
      proc.kill('SIGTERM')
      await exited
    }
  })

  it('prints a new one-time address when Enter is pressed: the new token works once, the old one no more', async () => {
    const rendererDir = join(dir.path, 'renderer')
    writeRenderer(rendererDir)
    const proc = startCli(['--data-dir', join(dir.path, 'data'), '--port', '0', '--no-open', '--renderer-dir', rendererDir], {}, 'pipe')
    const lines = await untilReady(proc)
    const first = new URL(JSON.parse((lines.find((l) => l.startsWith(READY_PREFIX)) ?? '').slice(READY_PREFIX.length)).url as string)
    const exchange = (token: string) =>
      fetch(new URL('/session', first.origin), { method: 'POST', headers: { Origin: first.origin, Authorization: `Bearer ${token}` } }).then((r) => r.status)
    const tokenOf = (url: string) => new URL(url).hash.slice('#token='.length)
    const nextAddress = () =>
      new Promise<string>((resolve) =>
        createInterface({ input: proc.stdout }).on('line', (l) => {
          const found = /^New address \(the previous one no longer works\): (\S+)$/.exec(l)
          if (found?.[1]) resolve(found[1])
        }),
      )
    // The first address is spent, as after opening it once.
    expect(await exchange(tokenOf(first.href))).toBe(200)
    expect(await exchange(tokenOf(first.href))).toBe(401)

    let pending = nextAddress()
    proc.stdin?.write('\n')
    const second = await pending
    expect(new URL(second).origin).toBe(first.origin)
    expect(tokenOf(second)).toMatch(/^[A-Za-z0-9_-]{43}$/)

    // An unused address is replaced too: after "open", only the newest one works, and only once.
    pending = nextAddress()
    proc.stdin?.write('open\n')
    const third = await pending
    expect(await exchange(tokenOf(second))).toBe(401)
    expect(await exchange(tokenOf(third))).toBe(200)
    expect(await exchange(tokenOf(third))).toBe(401)

    const exited = exitOf(proc)
    proc.kill('SIGTERM')
    expect(await exited).toEqual({ code: 0, signal: null })
  })

  it('refuses an unknown option or a bad port with the usage line, exit 2', async () => {
    for (const args of [['--bogus'], ['--port', 'abc'], ['--port', '70000'], ['--data-dir']]) {
      const { code, stdout, stderr } = await output(startCli(args))
      expect(code, args.join(' ')).toBe(2)
      expect(stderr).toContain('Usage: npm run web')
      expect(stdout).not.toContain(READY_PREFIX)
    }
  })

  it('says so in one sentence when the named renderer folder has no index.html', async () => {
    const { code, stdout, stderr } = await output(startCli(['--data-dir', join(dir.path, 'data'), '--no-open', '--renderer-dir', join(dir.path, 'nowhere')]))
    expect(code).toBe(1)
    expect(stderr.trim()).toBe(`There is no index.html in ${join(dir.path, 'nowhere')}.`)
    expect(stdout).toBe('')
  })
})
