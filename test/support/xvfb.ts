import { spawn } from 'node:child_process'
import type { Readable } from 'node:stream'
import { createClient, type X11Client, type X11Event } from 'x11'
import { ownAtomCache } from '../../electron/platform/clipboard/x11/x11-link'

/** An X display for a test: our own Xvfb, or the one the environment already had. */
export interface XDisplay {
  /** As DISPLAY wants it: ":N". */
  readonly display: string
  /** True when this is a display we started (and stop() ends). */
  readonly ownServer: boolean
  stop(): Promise<void>
}

/**
 * A display of the test file's own: `Xvfb -displayfd 3 -nolisten tcp -noreset` picks a free
 * display number and writes it to fd 3 once it accepts connections (no sleep, no guessed
 * number). Never the DISPLAY of the environment: test files run in parallel, and two of them on
 * one clipboard would read each other's copies (and a developer's own clipboard would be overwritten).
 * (-noreset: a server that resets when its last client leaves drops a connection made meanwhile.)
 */
export async function startXvfb(): Promise<XDisplay> {
  const child = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-noreset', '-screen', '0', '320x240x24'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000)
  })
  const number = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => fail('Xvfb did not report a display within 10 s.'), 10_000)
    function fail(why: string): void {
      clearTimeout(timer)
      child.kill()
      reject(new Error(`${why}\n${stderr}`))
    }
    child.once('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? 'Xvfb is not installed: apt-get install -y xvfb xclip' : `Xvfb could not start: ${err.message}`),
    )
    const early = (code: number | null): void => fail(`Xvfb exited (code ${code}) before reporting its display.`)
    child.once('exit', early)
    const fd3 = child.stdio[3] as Readable
    fd3.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      const line = /^(\d+)\n/u.exec(out)
      if (line?.[1] === undefined) return
      clearTimeout(timer)
      child.off('exit', early)
      fd3.destroy()
      resolve(line[1])
    })
  })
  return {
    display: `:${number}`,
    ownServer: true,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

/** True when an X server accepts a connection on `display` within 2 s. */

interface FixesExt {
  QueryVersion(major: number, minor: number, cb: (err: unknown) => void): void
  SelectSelectionInput(window: number, selection: number, mask: number): void
  readonly SelectionEventMask: { readonly SetSelectionOwner: number }
}

interface FixesSelectionEvent extends X11Event {
  readonly subtype?: number
}

/** Tells when a selection changes owner (XFixes), so a test can wait for a copy without polling. */
export interface OwnerWatch {
  /**
   * A round trip on the watching connection: every change made before this call has been
   * reported by the time it resolves, so a `next` set up afterwards sees only later ones.
   */
  settle(): Promise<void>
  /** The next new owner of the selection that satisfies `match`, within `timeoutMs`. */
  next(match: (owner: number) => boolean, timeoutMs?: number): Promise<number>
  close(): Promise<void>
}

export async function watchSelectionOwner(display: string, selectionName = 'CLIPBOARD'): Promise<OwnerWatch> {
  const waiters = new Set<{ match: (owner: number) => boolean; resolve: (owner: number) => void }>()
  let selection = 0
  const client = await new Promise<X11Client>((resolve, reject) => {
    const c = createClient({ display, disableBigRequests: true, shm: false }, (err, info) => {
      const root = info?.screen[0]?.root
      if (err || root === undefined) return reject(err ?? new Error('no screen'))
      ownAtomCache(c)
      c.InternAtom(false, selectionName, (atomErr, atom) => {
        if (atomErr) return reject(atomErr)
        selection = atom
        const requireExt = (c as unknown as { require(name: string, cb: (e: unknown, ext: FixesExt) => void): void }).require
        requireExt.call(c, 'fixes', (extErr, fixes) => {
          if (extErr) return reject(extErr)
          fixes.QueryVersion(5, 0, (versionErr) => {
            if (versionErr) return reject(versionErr)
            fixes.SelectSelectionInput(root, atom, fixes.SelectionEventMask.SetSelectionOwner)
            c.sync().then(() => resolve(c), reject)
          })
        })
        return true
      })
    })
    c.on('error', reject)
  })
  client.on('event', (ev: FixesSelectionEvent) => {
    if (ev.name !== 'SelectionNotify' || ev.subtype !== 0 || ev.selection !== selection) return
    const owner = ev.owner ?? 0
    for (const w of waiters) {
      if (!w.match(owner)) continue
      waiters.delete(w)
      w.resolve(owner)
    }
  })
  return {
    settle: () => client.sync(),
    next(match, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (owner: number) => {
            clearTimeout(timer)
            resolve(owner)
          },
        }
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          reject(new Error(`${selectionName} did not change owner within ${timeoutMs} ms`))
        }, timeoutMs)
        waiters.add(waiter)
      })
    },
    close: () => new Promise<void>((resolve) => client.close(() => resolve())),
  }
}
