import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { expect } from '@playwright/test'

/**
 * The REAL X11 clipboard of this machine, for specs that copy and paste through it: the web
 * host's core owns the selection; xclip reads it (and writes it, as another program would).
 * Each spec file that uses it gets an Xvfb of its own, handed to the web hosts it starts.
 */

/** The hooks of a spec file's `test`, whichever fixtures it was extended with. */
interface Hooks {
  beforeAll(fn: () => Promise<void>): void
  afterAll(fn: () => Promise<void>): void
}

let display = ''
let xvfb: ChildProcess | undefined
let previousDisplay: string | undefined

/** `Xvfb -displayfd 1` picks a free display and prints its number once it accepts connections. */
function startXvfb(): Promise<{ child: ChildProcess; display: string }> {
  // -noreset: a server that resets whenever its last client leaves (a host stopping between tests)
  // could drop the next host's connection.
  const child = spawn('Xvfb', ['-displayfd', '1', '-nolisten', 'tcp', '-noreset', '-screen', '0', '640x480x24'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.once('error', (err) => reject(new Error(`Xvfb could not start (apt-get install -y xvfb xclip): ${err.message}`)))
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it reported its display`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const number = /^(\d+)\n/.exec(out)?.[1]
      if (number !== undefined) {
        child.removeAllListeners('exit')
        resolve({ child, display: `:${number}` })
      }
    })
  })
}

/**
 * Gives the file's web hosts an X display of their own: an Xvfb for the file, stopped after it.
 * Never the run's shared one (xvfb-run's): two spec files in two workers each put keys on "the"
 * clipboard, and on one display the second would paste the first's. Call at the top of a spec file.
 */
export function useXDisplay(test: Hooks): void {
  test.beforeAll(async () => {
    previousDisplay = process.env.DISPLAY
    const started = await startXvfb()
    xvfb = started.child
    display = started.display
    // fixtures.ts starts each web host with process.env: this is how its core finds the display.
    process.env.DISPLAY = display
  })

  test.afterAll(async () => {
    if (previousDisplay === undefined) delete process.env.DISPLAY
    else process.env.DISPLAY = previousDisplay
    const child = xvfb
    xvfb = undefined
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  })
}

const xenv = () => ({ ...process.env, DISPLAY: display })

/** Runs xclip to its end. Exit code 1 with "not available" is an empty clipboard (no owner, or no text). */
function xclipOut(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('xclip', ['-selection', 'clipboard', ...args, '-o'], { env: xenv(), timeout: 2000, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout)
      if (err.code === 1 && /not available|no such|cannot convert/i.test(stderr)) return resolve('')
      reject(new Error(`xclip ${args.join(' ')} failed: ${err.message} ${stderr}`))
    })
  })
}

/** What another program pasting now would get. */
export const readClipboard = () => xclipOut([])

/** The targets the clipboard's owner offers. */
export const clipboardTargets = async () => (await xclipOut(['-t', 'TARGETS'])).split('\n').filter(Boolean)

/**
 * Another program copies `text`. xclip keeps serving the selection from a child after its parent
 * exits (TOOLCHAIN.md: execFile would hang on its pipes), so wait until the clipboard reads it.
 */
export async function otherProgramCopies(text: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('xclip', ['-selection', 'clipboard', '-i'], { env: xenv(), stdio: ['pipe', 'ignore', 'ignore'] })
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`xclip -i exited with ${code}`))))
    child.stdin?.end(text)
  })
  await expect.poll(readClipboard, { message: 'the other program’s text is on the clipboard' }).toBe(text)
}
