import type { X11Event } from 'x11'
import { SerialQueue } from '../../../shared/serial-queue'
import { ClipboardUnavailableError, type ClipboardHints, type ClipboardPort } from '../../../core/clipboard/clipboard-port'
import { convert, heldValue, predates, SELECTION_ATOM_NAMES, wipe, type HeldValue, type SelectionAtoms } from './targets'
import { X11Link, X11LinkError } from './x11-link'

export const X11_HINTS: ClipboardHints = {
  concealed: true,
  description: 'The X11 clipboard of this computer, with the x-kde-passwordManagerHint that tells clipboard managers not to keep it.',
}

/** The most one ChangeProperty request carries (65535 four-byte units less its header): no INCR. */
export const X11_MAX_VALUE_BYTES = 65535 * 4 - 24
/** The most readText takes from another program; more (or an INCR transfer) reads as ''. */
const MAX_READ_BYTES = 1024 * 1024

const PRIMARY = 1
const NONE = 0
const CURRENT_TIME = 0
const REPLACE = 0
const APPEND = 2
/** Properties on our window that conversions are delivered to, used in turn after a failed read. */
const PASTE_PROPERTIES = 4

interface Atoms extends SelectionAtoms {
  readonly CLIPBOARD: number
  readonly ATOM_PAIR: number
  readonly INCR: number
  readonly TIME_PROBE: number
  readonly paste: readonly number[]
}

interface Session {
  readonly link: X11Link
  readonly atoms: Atoms
}

/** What we copied and which of CLIPBOARD and PRIMARY we still own. */
interface Holding {
  readonly value: HeldValue
  readonly owned: Set<number>
}

export interface X11ClipboardOptions {
  /** The X display to use, as in DISPLAY (":0", ":99.0", "host:1"). */
  readonly display: string
  readonly connectTimeoutMs?: number
  /** How long readText waits for another program to answer a conversion. */
  readonly readTimeoutMs?: number
  /** The most any one operation may take before the connection is dropped. */
  readonly operationTimeoutMs?: number
}

/**
 * The X11 clipboard, served in-process as KeePassXC serves it: writeSecret makes our own window
 * the owner of both CLIPBOARD and PRIMARY, and this object answers every program that pastes
 * (TARGETS, UTF8_STRING, text/plain;charset=utf-8, text/plain, STRING, TEXT, TIMESTAMP, MULTIPLE
 * and x-kde-passwordManagerHint = secret) until another program copies something or clear()
 * gives the selections up. The value lives in this process only: no helper process, no argument
 * list, no environment variable.
 *
 * The connection is opened on first use and kept (an X selection dies with its owner's
 * connection, so close() also empties the clipboard if we still hold it).
 */
export class X11Clipboard implements ClipboardPort {
  readonly hints = X11_HINTS
  private readonly display: string
  private readonly connectTimeoutMs: number
  private readonly readTimeoutMs: number
  private readonly operationTimeoutMs: number
  private readonly queue = new SerialQueue()
  private connecting: Promise<Session> | undefined
  private live: Session | undefined
  private holding: Holding | undefined
  /** True while writeSecret checks which selections it got: SelectionClear then is stale. */
  private acquiring = false
  private pasteIndex = 0

  constructor(options: X11ClipboardOptions) {
    this.display = options.display
    this.connectTimeoutMs = options.connectTimeoutMs ?? 2000
    this.readTimeoutMs = options.readTimeoutMs ?? 1000
    this.operationTimeoutMs = options.operationTimeoutMs ?? 5000
  }

  writeSecret(text: string): Promise<void> {
    if (Buffer.byteLength(text, 'utf8') > X11_MAX_VALUE_BYTES) {
      return Promise.reject(new ClipboardUnavailableError(`The value is too long for the X11 clipboard (at most ${X11_MAX_VALUE_BYTES} bytes).`))
    }
    return this.operation(true, (s) => this.take(s, text))
  }

  readText(): Promise<string> {
    return this.operation(true, (s) => this.read(s))
  }

  clear(): Promise<void> {
    // Never connected (or the connection dropped): we own nothing, so there is nothing to release.
    return this.operation(false, (s) => this.release(s))
  }

  /**
   * Empties CLIPBOARD and PRIMARY whoever holds them — unlike clear(), which gives up only what we
   * own. For "Paste from clipboard": the pasted key belongs to the program it was copied from.
   * Takes both selections (their owner is told and drops its copy), then gives them up.
   */
  wipe(): Promise<void> {
    return this.operation(true, async (s) => {
      const { link, atoms: a } = s
      const time = await serverTime(s, this.operationTimeoutMs)
      this.forget()
      for (const selection of [a.CLIPBOARD, PRIMARY]) link.client.SetSelectionOwner(link.window, selection, time)
      for (const selection of [a.CLIPBOARD, PRIMARY]) link.client.SetSelectionOwner(NONE, selection, time)
      await link.sync()
    })
  }

  /**
   * Gives up what we own (so no reader can race the disconnect and still get it), then
   * disconnects. A later call connects again.
   */
  async close(): Promise<void> {
    await this.clear().catch(() => undefined)
    await this.queue.run(async () => {
      const session = this.live
      this.live = undefined
      this.connecting = undefined
      this.forget()
      await session?.link.close(1000)
    })
  }

  // --- Operations (one at a time) -------------------------------------------------------------

  private operation<T>(connect: true, task: (s: Session) => Promise<T>): Promise<T>
  private operation(connect: false, task: (s: Session) => Promise<void>): Promise<void>
  private operation<T>(connect: boolean, task: (s: Session) => Promise<T>): Promise<T | undefined> {
    return this.queue.run(async () => {
      const session = connect ? await this.connect() : this.live
      if (!session) {
        this.forget()
        return undefined
      }
      let timer: ReturnType<typeof setTimeout> | undefined
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          session.link.destroy()
          reject(new ClipboardUnavailableError('The X11 display did not answer in time.'))
        }, this.operationTimeoutMs)
      })
      try {
        return await Promise.race([task(session), deadline])
      } catch (err) {
        throw plain(err)
      } finally {
        clearTimeout(timer)
      }
    })
  }

  private connect(): Promise<Session> {
    this.connecting ??= this.open().catch((err: unknown) => {
      this.connecting = undefined
      throw err
    })
    return this.connecting
  }

  private async open(): Promise<Session> {
    let link: X11Link
    try {
      link = await X11Link.open(this.display, this.connectTimeoutMs)
    } catch {
      throw new ClipboardUnavailableError(`The X11 display ${this.display} could not be reached, so the clipboard cannot be used.`)
    }
    try {
      const session: Session = { link, atoms: await internAtoms(link) }
      link.onEvent((ev) => this.onEvent(session, ev))
      link.onClose(() => {
        if (this.live !== session) return
        this.live = undefined
        this.connecting = undefined
        this.forget()
      })
      if (!link.isOpen) throw new X11LinkError('The connection to the X11 display was lost.')
      this.live = session
      return session
    } catch (err) {
      link.destroy()
      throw plain(err)
    }
  }

  /** Takes CLIPBOARD and PRIMARY with `text`, stamped with the server's time (ICCCM §2.1). */
  private async take(s: Session, text: string): Promise<void> {
    const { link, atoms: a } = s
    for (let attempt = 0; attempt < 2; attempt++) {
      const time = await serverTime(s, this.operationTimeoutMs)
      this.forget()
      const holding: Holding = { value: heldValue(text, time), owned: new Set([a.CLIPBOARD, PRIMARY]) }
      this.holding = holding
      this.acquiring = true
      try {
        link.client.SetSelectionOwner(link.window, a.CLIPBOARD, time)
        link.client.SetSelectionOwner(link.window, PRIMARY, time)
        // SetSelectionOwner has no reply and silently does nothing if another program took the
        // selection later than `time`: ask who owns each now.
        const [clipboard, primary] = await Promise.all([link.selectionOwner(a.CLIPBOARD), link.selectionOwner(PRIMARY)])
        if (clipboard !== link.window) holding.owned.delete(a.CLIPBOARD)
        if (primary !== link.window) holding.owned.delete(PRIMARY)
      } finally {
        this.acquiring = false
      }
      if (holding.owned.has(a.CLIPBOARD)) return
    }
    await this.release(s)
    throw new ClipboardUnavailableError('Another program kept hold of the X11 clipboard, so nothing was copied.')
  }

  private async read(s: Session): Promise<string> {
    const { link, atoms: a } = s
    const owner = await link.selectionOwner(a.CLIPBOARD)
    if (owner === NONE) return ''
    if (owner === link.window) {
      const holding = this.holding
      return holding?.owned.has(a.CLIPBOARD) ? holding.value.utf8.toString('utf8') : ''
    }
    const utf8 = await this.fetch(s, a.UTF8_STRING)
    if (utf8 !== null) return utf8
    return (await this.fetch(s, a.STRING)) ?? ''
  }

  /**
   * Asks the owner of CLIPBOARD for `target`: the text, '' when it did not answer in time or
   * answered too much (INCR), or null when it refused that target.
   */
  private async fetch(s: Session, target: number): Promise<string | null> {
    const { link, atoms: a } = s
    const property = a.paste[this.pasteIndex % a.paste.length] ?? NONE
    const answer = link.waitForEvent(
      (ev) =>
        ev.name === 'SelectionNotify' &&
        ev.requestor === link.window &&
        ev.selection === a.CLIPBOARD &&
        ev.target === target &&
        (ev.property === property || ev.property === NONE),
      this.readTimeoutMs,
    )
    link.client.ConvertSelection(link.window, a.CLIPBOARD, target, property, CURRENT_TIME)
    const ev = await answer
    if (!ev) {
      // A late answer must not be taken for the next read's: that one uses another property.
      this.pasteIndex++
      return ''
    }
    if (ev.property === NONE) return null
    const prop = await link.readProperty(link.window, property, MAX_READ_BYTES)
    if (prop.type === a.INCR) {
      // Large transfers are refused: the owner starts sending only once we delete this property,
      // so leave it, and use another property from now on.
      this.pasteIndex++
      return ''
    }
    link.client.DeleteProperty(link.window, property)
    if (prop.bytesAfter > 0 || prop.format !== 8) return ''
    const text = prop.data.toString(prop.type === a.STRING ? 'latin1' : 'utf8')
    prop.data.fill(0)
    return text
  }

  /** Gives up whichever of CLIPBOARD and PRIMARY we still own; leaves another program's alone. */
  private async release(s: Session): Promise<void> {
    const { link, atoms: a } = s
    const time = this.holding?.value.time ?? CURRENT_TIME
    const owners = await Promise.all([link.selectionOwner(a.CLIPBOARD), link.selectionOwner(PRIMARY)])
    ;[a.CLIPBOARD, PRIMARY].forEach((selection, i) => {
      // With our own time stamp, this does nothing if another program took it since (§2.1).
      if (owners[i] === link.window) link.client.SetSelectionOwner(NONE, selection, time)
    })
    this.forget()
    // The server has processed the release before clear() returns: a reader sees it at once.
    await link.sync()
  }

  private forget(): void {
    if (this.holding) wipe(this.holding.value)
    this.holding = undefined
  }

  // --- Serving other programs ------------------------------------------------------------------

  private onEvent(s: Session, ev: X11Event): void {
    try {
      if (ev.name === 'SelectionRequest') this.answer(s, ev)
      else if (ev.name === 'SelectionClear') this.lost(s, ev)
    } catch {
      // The connection went down mid-answer; the link reports that on its own.
    }
  }

  /** Another program took a selection from us: stop serving it; forget the value once both are gone. */
  private lost(s: Session, ev: X11Event): void {
    const holding = this.holding
    if (this.acquiring || !holding || ev.owner !== s.link.window || ev.selection === undefined) return
    holding.owned.delete(ev.selection)
    if (holding.owned.size === 0) this.forget()
  }

  private answer(s: Session, ev: X11Event): void {
    const { link, atoms: a } = s
    const target = ev.target ?? NONE
    // An obsolete requestor sends None as the property: use the target atom (ICCCM §2.2).
    const property = ev.property || target
    const holding = this.holding
    const ours =
      holding !== undefined &&
      ev.owner === link.window &&
      ev.selection !== undefined &&
      holding.owned.has(ev.selection) &&
      !predates(ev.time ?? CURRENT_TIME, holding.value.time)
    if (!ours || !link.isOpen) return notify(s, ev, NONE)
    if (target === a.MULTIPLE) {
      if (!ev.property) return notify(s, ev, NONE)
      void this.answerMultiple(s, ev, holding)
      return
    }
    const conversion = convert(target, holding.value, a)
    if (!conversion) return notify(s, ev, NONE)
    link.client.ChangeProperty(REPLACE, ev.requestor ?? NONE, property, conversion.type, conversion.format, conversion.data)
    notify(s, ev, property)
  }

  /** MULTIPLE (ICCCM §2.6.2): the requestor's property lists (target, property) pairs to fill. */
  private async answerMultiple(s: Session, ev: X11Event, holding: Holding): Promise<void> {
    const { link, atoms: a } = s
    const requestor = ev.requestor ?? NONE
    const listProperty = ev.property ?? NONE
    try {
      const list = await link.readProperty(requestor, listProperty, 64 * 1024)
      if (this.holding !== holding || list.format !== 32 || !link.isOpen) return notify(s, ev, NONE)
      const pairs: number[] = []
      for (let i = 0; i + 4 <= list.data.length; i += 4) pairs.push(list.data.readUInt32LE(i))
      if (pairs.length % 2 === 1) pairs.pop()
      for (let i = 0; i < pairs.length; i += 2) {
        const target = pairs[i] ?? NONE
        const property = pairs[i + 1] ?? NONE
        const conversion = target === a.MULTIPLE || property === NONE ? undefined : convert(target, holding.value, a)
        if (conversion) link.client.ChangeProperty(REPLACE, requestor, property, conversion.type, conversion.format, conversion.data)
        else pairs[i + 1] = NONE
      }
      link.client.ChangeProperty(REPLACE, requestor, listProperty, list.type || a.ATOM_PAIR, 32, pairs)
      notify(s, ev, listProperty)
    } catch {
      // The requestor's window went away, or our connection did: nobody is left to answer.
    }
  }
}

/** Tells the requestor its conversion is done (`property`) or refused (None). */
function notify(s: Session, ev: X11Event, property: number): void {
  if (!s.link.isOpen) return
  const requestor = ev.requestor ?? NONE
  s.link.client.SendEvent(requestor, 0, 0, {
    name: 'SelectionNotify',
    time: ev.time ?? CURRENT_TIME,
    requestor,
    selection: ev.selection ?? NONE,
    target: ev.target ?? NONE,
    property,
  })
}

/** The server's current time: append nothing to a property of ours and read the event's stamp. */
async function serverTime(s: Session, timeoutMs: number): Promise<number> {
  const { link, atoms: a } = s
  const changed = link.waitForEvent((ev) => ev.name === 'PropertyNotify' && ev.wid === link.window && ev.atom === a.TIME_PROBE, timeoutMs)
  link.client.ChangeProperty(APPEND, link.window, a.TIME_PROBE, a.STRING, 8, Buffer.alloc(0))
  const ev = await changed
  if (ev?.time === undefined) throw new X11LinkError('The X11 display did not answer in time.')
  return ev.time
}

async function internAtoms(link: X11Link): Promise<Atoms> {
  const keys = Object.keys(SELECTION_ATOM_NAMES) as (keyof SelectionAtoms)[]
  const pasteNames = Array.from({ length: PASTE_PROPERTIES }, (_, i) => `_KEYHOLD_PASTE_${i}`)
  const names = [...keys.map((k) => SELECTION_ATOM_NAMES[k]), 'CLIPBOARD', 'ATOM_PAIR', 'INCR', '_KEYHOLD_TIME', ...pasteNames]
  // Sent together: one round trip for all of them.
  const ids = await Promise.all(names.map((n) => link.internAtom(n)))
  const byName = new Map(names.map((n, i) => [n, ids[i] ?? NONE]))
  const atom = (name: string): number => byName.get(name) ?? NONE
  const selection = Object.fromEntries(keys.map((k) => [k, atom(SELECTION_ATOM_NAMES[k])])) as unknown as SelectionAtoms
  return {
    ...selection,
    CLIPBOARD: atom('CLIPBOARD'),
    ATOM_PAIR: atom('ATOM_PAIR'),
    INCR: atom('INCR'),
    TIME_PROBE: atom('_KEYHOLD_TIME'),
    paste: pasteNames.map(atom),
  }
}

/** Every failure as a ClipboardUnavailableError whose message is one of our own sentences. */
function plain(err: unknown): ClipboardUnavailableError {
  if (err instanceof ClipboardUnavailableError) return err
  if (err instanceof X11LinkError) return new ClipboardUnavailableError(err.message)
  return new ClipboardUnavailableError('The X11 clipboard failed unexpectedly.', { cause: err })
}
