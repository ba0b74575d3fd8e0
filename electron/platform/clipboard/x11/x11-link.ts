import type { X11Callback, X11Client, X11Event, X11Property } from 'x11'

/** The X server connection is gone, never came up, or refused a request. Its message names no value. */
export class X11LinkError extends Error {}

const INPUT_ONLY = 2
const PROPERTY_CHANGE_MASK = 0x0040_0000
const ATOM_WM_NAME = 39
const ATOM_STRING = 31
/** Atoms 1–68 are fixed by the core protocol; every other id is the server's own choice. */
const LAST_PREDEFINED_ATOM = 68

/**
 * Gives `client` an atom cache of its own. The `x11` package (4.2.2) starts every client on one
 * shared table and caches each InternAtom answer there, so a second connection — to another
 * display, or to the same display after its X server restarted — would be handed the first
 * server's atom ids without asking. Only the predefined atoms are the same on every server.
 */
export function ownAtomCache(client: X11Client): void {
  const predefined = Object.entries(client.atoms).filter(([, id]) => id <= LAST_PREDEFINED_ATOM)
  client.atoms = Object.fromEntries(predefined)
  client.atom_names = Object.fromEntries(predefined.map(([name, id]) => [id, name]))
}

interface Waiter {
  readonly match: (ev: X11Event) => boolean
  readonly resolve: (ev: X11Event | undefined) => void
  readonly timer: ReturnType<typeof setTimeout>
}

/**
 * One connection to an X server with one unmapped InputOnly window of our own (the selection
 * owner and the requestor of conversions, listening for its property changes), and promises over
 * the callback API of the `x11` package. When the connection drops, every pending reply is
 * rejected with X11LinkError and `onClose` runs once.
 */
export class X11Link {
  private closed = false
  private readonly pending = new Set<(err: Error) => void>()
  private waiters: Waiter[] = []
  private eventListener: (ev: X11Event) => void = () => undefined
  private closeListener: () => void = () => undefined

  private constructor(
    readonly client: X11Client,
    readonly window: number,
  ) {
    client.on('event', (ev: X11Event) => this.dispatch(ev))
    client.on('error', (err: { error?: unknown }) => {
      // A protocol error (a requestor's window vanished before we answered it) is routine;
      // anything else is the socket failing.
      if (typeof err.error !== 'number') this.destroy()
    })
    client.on('end', () => this.destroy())
  }

  /** Connects to `display` and creates our window; rejects within `timeoutMs`. */
  static async open(display: string, timeoutMs: number): Promise<X11Link> {
    // Loaded at the first connection, not with the host: its start has no use for it.
    const { createClient } = await import('x11')
    return new Promise((resolve, reject) => {
      let settled = false
      let client: X11Client | undefined
      const fail = (err: unknown): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        client?.stream?.destroy()
        reject(err instanceof Error ? err : new X11LinkError('The X11 connection failed.'))
      }
      const timer = setTimeout(() => fail(new X11LinkError('The X11 display did not answer in time.')), timeoutMs)
      try {
        client = createClient({ display, disableBigRequests: true, shm: false }, (err, info) => {
          if (settled) return
          const root = info?.screen[0]?.root
          if (err || !client || root === undefined) {
            fail(err ?? new X11LinkError('The X11 display has no screen.'))
            return
          }
          settled = true
          clearTimeout(timer)
          ownAtomCache(client)
          const window = client.AllocID()
          client.CreateWindow(window, root, -1, -1, 1, 1, 0, 0, INPUT_ONLY, 0, { eventMask: PROPERTY_CHANGE_MASK })
          // A name for tools that show who owns the clipboard (xprop, clipboard managers).
          client.ChangeProperty(0, window, ATOM_WM_NAME, ATOM_STRING, 8, Buffer.from('Keyhold clipboard', 'latin1'))
          resolve(new X11Link(client, window))
        })
        // Until setup completes, errors come to the callback above; this keeps a late one from
        // being thrown as an unhandled 'error' event.
        client.on('error', fail)
      } catch (err) {
        fail(err)
      }
    })
  }

  get isOpen(): boolean {
    return !this.closed
  }

  onEvent(listener: (ev: X11Event) => void): void {
    this.eventListener = listener
  }

  onClose(listener: () => void): void {
    this.closeListener = listener
  }

  internAtom(name: string): Promise<number> {
    return this.reply<number>((cb) => this.client.InternAtom(false, name, cb))
  }

  selectionOwner(selection: number): Promise<number> {
    return this.reply<number>((cb) => this.client.GetSelectionOwner(selection, cb))
  }

  /** GetProperty of any type, without deleting it; `maxBytes` is rounded up to 4-byte units. */
  readProperty(window: number, property: number, maxBytes: number): Promise<X11Property> {
    return this.reply<X11Property>((cb) => this.client.GetProperty(0, window, property, 0, 0, Math.ceil(maxBytes / 4), cb))
  }

  /** A round trip: every request sent before it has been processed by the server. */
  sync(): Promise<void> {
    this.assertOpen()
    return this.track(this.client.sync())
  }

  /** The first event matching `match` from now on, or undefined after `timeoutMs`. */
  waitForEvent(match: (ev: X11Event) => boolean, timeoutMs: number): Promise<X11Event | undefined> {
    this.assertOpen()
    return new Promise((resolve) => {
      const waiter: Waiter = {
        match,
        resolve,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter)
          resolve(undefined)
        }, timeoutMs),
      }
      this.waiters.push(waiter)
    })
  }

  assertOpen(): void {
    if (this.closed) throw new X11LinkError('The connection to the X11 display was lost.')
  }

  /** Says goodbye to the server (a round trip, then the socket ends), within `timeoutMs`. */
  async close(timeoutMs: number): Promise<void> {
    if (this.closed) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      try {
        this.client.close(() => {
          clearTimeout(timer)
          resolve()
        })
      } catch {
        clearTimeout(timer)
        resolve()
      }
    })
    this.destroy()
  }

  /** Drops the connection at once. */
  destroy(): void {
    if (this.closed) return
    this.closed = true
    this.client.stream?.destroy()
    const lost = new X11LinkError('The connection to the X11 display was lost.')
    for (const reject of this.pending) reject(lost)
    this.pending.clear()
    for (const w of this.waiters) {
      clearTimeout(w.timer)
      w.resolve(undefined)
    }
    this.waiters = []
    this.closeListener()
  }

  private dispatch(ev: X11Event): void {
    const waiter = this.waiters.find((w) => w.match(ev))
    if (waiter) {
      clearTimeout(waiter.timer)
      this.waiters = this.waiters.filter((w) => w !== waiter)
      waiter.resolve(ev)
    }
    this.eventListener(ev)
  }

  private reply<T>(send: (cb: X11Callback<T>) => void): Promise<T> {
    this.assertOpen()
    return this.track(
      new Promise<T>((resolve, reject) => {
        send((err, result) => {
          if (err) reject(new X11LinkError('The X11 display refused a clipboard request.'))
          else resolve(result)
          return true
        })
      }),
    )
  }

  /** Settles `promise` as it does, or rejects it when the connection drops first. */
  private track<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.add(reject)
      promise.then(
        (v) => {
          this.pending.delete(reject)
          resolve(v)
        },
        (e: unknown) => {
          this.pending.delete(reject)
          reject(e instanceof Error ? e : new X11LinkError('The X11 request failed.'))
        },
      )
    })
  }
}
