import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { tempDir } from './fixtures'

/** A D-Bus session of the test's own with an unlocked gnome-keyring answering as the Secret Service. */
export interface SecretService {
  /** As DBUS_SESSION_BUS_ADDRESS wants it. */
  readonly address: string
  stop(): Promise<void>
}

/**
 * The recipe of TOOLCHAIN.md, run by the test: `dbus-run-session` starts a private bus, the shell
 * inside it pipes a keyring password to `gnome-keyring-daemon --unlock --components=secrets` (HOME
 * and XDG_RUNTIME_DIR in a temporary folder, so no real keyring is touched), prints the bus address
 * once the daemon is up, and then waits on its stdin: closing it ends the shell, and with it the
 * session and the daemon. No sleep: the address line is the ready signal.
 */
export async function startSecretService(): Promise<SecretService> {
  const home = tempDir('keyhold-keyring-')
  const runtime = join(home.path, 'run')
  mkdirSync(runtime, { mode: 0o700 })
  const script = 'printf %s "$KEYHOLD_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && echo "ready $DBUS_SESSION_BUS_ADDRESS" && exec cat >/dev/null'
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', script], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home.path, XDG_RUNTIME_DIR: runtime, KEYHOLD_TEST_KEYRING_PASSWORD: 'test-keyring-password' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000)
  })
  const address = await new Promise<string>((resolve, reject) => {
    const fail = (why: string) => {
      child.kill()
      reject(new Error(`${why}\n${stderr}`))
    }
    child.once('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? 'dbus-run-session is not installed: apt-get install -y gnome-keyring dbus-x11' : `dbus-run-session could not start: ${err.message}`),
    )
    const early = (code: number | null) => fail(`dbus-run-session exited (code ${code}) before gnome-keyring was ready.`)
    child.once('exit', early)
    createInterface({ input: child.stdout }).once('line', (line) => {
      child.off('exit', early)
      const match = /^ready (\S+)$/u.exec(line)
      if (match?.[1]) resolve(match[1])
      else fail(`gnome-keyring did not start: ${line}`)
    })
  })
  return {
    address,
    async stop() {
      child.stdin.end()
      await exited
      home.remove()
    },
  }
}
