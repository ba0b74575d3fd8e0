import { execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { X11Event } from 'x11'
import { ClipboardUnavailableError, type ClipboardPort } from '../../electron/core/clipboard/clipboard-port'
import { createSystemClipboard } from '../../electron/platform/clipboard/system-clipboard'
import { X11Clipboard } from '../../electron/platform/clipboard/x11/x11-clipboard'
import { X11Link } from '../../electron/platform/clipboard/x11/x11-link'
import { startXvfb, watchSelectionOwner, type OwnerWatch, type XDisplay } from '../support/xvfb'

/*
 * The web host's X11 clipboard against a real X server (our own Xvfb), checked from OUTSIDE the
 * process with xclip — the way another program pastes — and with a raw X client for the parts of
 * ICCCM xclip does not exercise. Nothing here sleeps: tests wait on processes and X events.
 */

const UNICODE = 'sk-live_ключ_🔑_密钥_café'
const SPACED = '   leading spaces, a\ttab and a trailing newline\n'
const LARGE = [...'Ab3-é€🔑_'.repeat(2048)].slice(0, 16 * 1024).join('')

let x: XDisplay
let env: NodeJS.ProcessEnv
let clipboardWatch: OwnerWatch
let primaryWatch: OwnerWatch
let port: ClipboardPort

beforeAll(async () => {
  x = await startXvfb()
  env = { ...process.env, DISPLAY: x.display }
  clipboardWatch = await watchSelectionOwner(x.display, 'CLIPBOARD')
  primaryWatch = await watchSelectionOwner(x.display, 'PRIMARY')
})

afterAll(async () => {
  try {
    // Leave the display as we found it: take the selections back from any xclip left holding
    // them (it then exits), and give them up.
    const last = createSystemClipboard(env, 'linux')
    await last.writeSecret('')
    await last.clear()
    await last.close?.()
    await clipboardWatch?.close()
    await primaryWatch?.close()
  } finally {
    await x?.stop()
  }
})

afterEach(async () => {
  await port?.close?.()
})

function newPort(): ClipboardPort {
  port = createSystemClipboard(env, 'linux')
  return port
}

interface XclipResult {
  readonly ok: boolean
  readonly out: Buffer
}

/** What another program pastes: `xclip -selection <selection> [-t <target>] -o`. */
function xclipRead(selection: 'clipboard' | 'primary', target?: string): Promise<XclipResult> {
  const args = ['-selection', selection, ...(target ? ['-t', target] : []), '-o']
  return new Promise((resolve) => {
    execFile('xclip', args, { env, timeout: 5000, encoding: 'buffer', maxBuffer: 1024 * 1024 }, (err, stdout) => {
      resolve({ ok: !err, out: stdout })
    })
  })
}

async function pasted(selection: 'clipboard' | 'primary' = 'clipboard', target?: string): Promise<string> {
  const r = await xclipRead(selection, target)
  if (!r.ok) throw new Error(`xclip could not read ${selection}${target ? ` as ${target}` : ''}`)
  return r.out.toString('utf8')
}

/**
 * Another program copies `text` (xclip, spawned with its output ignored: it forks a child that
 * keeps serving and would hold pipes open). Resolves once the X server says the selection changed
 * hands (XFixes), which is when xclip has it.
 */
async function otherProgramCopies(text: string, selection: 'clipboard' | 'primary' = 'clipboard'): Promise<void> {
  const watch = selection === 'clipboard' ? clipboardWatch : primaryWatch
  await watch.settle() // our own copy's ownership change must not be taken for xclip's
  const taken = watch.next((owner) => owner !== 0)
  const child = spawn('xclip', ['-selection', selection, '-i'], { env, stdio: ['pipe', 'ignore', 'ignore'] })
  child.stdin.end(text)
  await taken
}

describe('createSystemClipboard on Linux with DISPLAY: the in-process X11 clipboard', () => {
  it('says it conceals, in one plain sentence', () => {
    const p = newPort()
    expect(p).toBeInstanceOf(X11Clipboard)
    expect(p.hints.concealed).toBe(true)
    expect(p.hints.description).toMatch(/x-kde-passwordManagerHint/u)
  })

  it.each([
    ['unicode', UNICODE],
    ['leading spaces, a tab and a trailing newline', SPACED],
    ['16 KiB', LARGE],
  ])('another program pastes exactly what was copied (%s), from CLIPBOARD and PRIMARY', async (_label, value) => {
    const p = newPort()
    await p.writeSecret(value)
    expect(await pasted('clipboard')).toBe(value)
    expect(await pasted('primary')).toBe(value)
    expect(await pasted('clipboard', 'text/plain;charset=utf-8')).toBe(value)
    expect(await pasted('clipboard', 'text/plain')).toBe(value)
    expect(await pasted('clipboard', 'TEXT')).toBe(value)
    expect(await p.readText()).toBe(value)
  })

  it('lists its targets with x-kde-passwordManagerHint, which reads "secret", on both selections', async () => {
    const p = newPort()
    await p.writeSecret(UNICODE)
    for (const selection of ['clipboard', 'primary'] as const) {
      const targets = (await pasted(selection, 'TARGETS')).split('\n').filter(Boolean)
      expect(targets).toEqual(
        expect.arrayContaining(['TARGETS', 'MULTIPLE', 'TIMESTAMP', 'UTF8_STRING', 'text/plain;charset=utf-8', 'text/plain', 'TEXT', 'x-kde-passwordManagerHint']),
      )
      // Not representable in ISO Latin-1, so not offered as STRING (ICCCM: STRING is Latin-1).
      expect(targets).not.toContain('STRING')
      expect(await pasted(selection, 'x-kde-passwordManagerHint')).toBe('secret')
    }
  })

  it('serves STRING as ISO Latin-1 when the value has no other characters', async () => {
    const p = newPort()
    await p.writeSecret('café-key')
    expect((await pasted('clipboard', 'TARGETS')).split('\n')).toContain('STRING')
    const latin1 = await xclipRead('clipboard', 'STRING')
    expect(latin1.ok).toBe(true)
    expect(latin1.out.toString('latin1')).toBe('café-key')
  })

  it('refuses a target it does not have', async () => {
    const p = newPort()
    await p.writeSecret(UNICODE)
    const r = await xclipRead('clipboard', 'image/png')
    expect(r.ok && r.out.length > 0).toBe(false)
  })

  it('replaces the value when it copies again', async () => {
    const p = newPort()
    await p.writeSecret('first-value')
    await p.writeSecret('second-value')
    expect(await pasted('clipboard')).toBe('second-value')
    expect(await pasted('primary')).toBe('second-value')
    expect(await p.readText()).toBe('second-value')
  })

  it('clear() empties both selections for every reader', async () => {
    const p = newPort()
    await p.writeSecret(UNICODE)
    await p.clear()
    for (const selection of ['clipboard', 'primary'] as const) {
      const r = await xclipRead(selection)
      expect(r.ok && r.out.length > 0).toBe(false)
    }
    expect(await p.readText()).toBe('')
  })

  it('reads what another program copied, and clear() then leaves it alone', async () => {
    const p = newPort()
    await p.writeSecret(UNICODE)
    await otherProgramCopies('user text')
    expect(await p.readText()).toBe('user text')
    await p.clear()
    expect(await pasted('clipboard')).toBe('user text')
    expect(await p.readText()).toBe('user text')
  })

  it('wipe() empties the clipboard even when another program filled it ("Paste from clipboard")', async () => {
    const p = newPort() as X11Clipboard
    await otherProgramCopies('pasted key', 'clipboard')
    await otherProgramCopies('pasted key', 'primary')
    expect(await p.readText()).toBe('pasted key')
    await p.wipe()
    for (const selection of ['clipboard', 'primary'] as const) {
      const r = await xclipRead(selection)
      expect(r.ok && r.out.length > 0).toBe(false)
    }
    expect(await p.readText()).toBe('')
  })

  it('keeps serving CLIPBOARD when only PRIMARY is taken (someone selected text)', async () => {
    const p = newPort()
    await p.writeSecret(UNICODE)
    await otherProgramCopies('selected words', 'primary')
    expect(await pasted('primary')).toBe('selected words')
    expect(await pasted('clipboard')).toBe(UNICODE)
    expect(await p.readText()).toBe(UNICODE)
    await p.clear()
    expect((await xclipRead('clipboard')).out.length).toBe(0)
    expect(await pasted('primary')).toBe('selected words')
  })

  it('clear() before any copy does nothing and does not connect', async () => {
    const p = createSystemClipboard({ ...env, DISPLAY: ':9999' }, 'linux')
    await expect(p.clear()).resolves.toBeUndefined()
  })

  it('close() gives the selections up (they die with the connection); the next use reconnects', async () => {
    const p = newPort()
    await p.writeSecret(UNICODE)
    await p.close?.()
    expect((await xclipRead('clipboard')).out.length).toBe(0)
    await p.writeSecret('after-reconnect')
    expect(await pasted('clipboard')).toBe('after-reconnect')
  })

  it('fails plainly when the display cannot be reached, without the value in the message', async () => {
    const secret = `sk-unreachable-${randomBytes(8).toString('hex')}`
    const p = createSystemClipboard({ ...env, DISPLAY: ':9999' }, 'linux')
    const err = await p.writeSecret(secret).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ClipboardUnavailableError)
    expect((err as Error).message).toMatch(/^The X11 display :9999 could not be reached/u)
    expect((err as Error).message).not.toContain(secret)
    expect(JSON.stringify(err, Object.getOwnPropertyNames(err))).not.toContain(secret)
    await expect(p.readText()).rejects.toBeInstanceOf(ClipboardUnavailableError)
    await p.close?.()
  })

  it('fails plainly once the X server is gone, and works again when one is back', async () => {
    const own = await startXvfb() // a server of its own, to stop mid-test
    const p = createSystemClipboard({ ...env, DISPLAY: own.display }, 'linux')
    try {
      await p.writeSecret(UNICODE)
      await own.stop()
      await expect(p.readText()).rejects.toBeInstanceOf(ClipboardUnavailableError)
      await expect(p.writeSecret(UNICODE)).rejects.toThrow(/could not be reached/u)
      await expect(p.clear()).resolves.toBeUndefined() // nothing is held any more
    } finally {
      await p.close?.()
      await own.stop()
    }
  })

  it('refuses a value too long for one X request, without the value in the message', async () => {
    const p = newPort()
    const huge = 'k'.repeat(300 * 1024)
    const err = await p.writeSecret(huge).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ClipboardUnavailableError)
    expect((err as Error).message).not.toContain('kkkk')
  })
})

/** A bare X client of our own: an ICCCM requestor or a misbehaving owner. */
async function rawClient(names: readonly string[]): Promise<{ link: X11Link; atom: Record<string, number> }> {
  const link = await X11Link.open(x.display, 2000)
  const ids = await Promise.all(names.map((n) => link.internAtom(n)))
  return { link, atom: Object.fromEntries(names.map((n, i) => [n, ids[i] ?? 0])) }
}

function selectionNotify(link: X11Link): Promise<X11Event | undefined> {
  return link.waitForEvent((ev) => ev.name === 'SelectionNotify' && ev.requestor === link.window, 2000)
}

describe('the X11 owner, as ICCCM requestors other than xclip see it', () => {
  const NAMES = ['CLIPBOARD', 'MULTIPLE', 'ATOM_PAIR', 'UTF8_STRING', 'TIMESTAMP', 'x-kde-passwordManagerHint', '_T_LIST', '_T_A', '_T_B', '_T_C', '_T_NO_SUCH_TARGET']

  it('answers a requestor that names no property into the target atom (obsolete clients)', async () => {
    const p = newPort()
    await p.writeSecret(UNICODE)
    const { link, atom } = await rawClient(NAMES)
    try {
      const note = selectionNotify(link)
      link.client.ConvertSelection(link.window, atom.CLIPBOARD ?? 0, atom.UTF8_STRING ?? 0, 0, 0)
      expect((await note)?.property).toBe(atom.UTF8_STRING)
      const prop = await link.readProperty(link.window, atom.UTF8_STRING ?? 0, 65536)
      expect(prop.data.toString('utf8')).toBe(UNICODE)
    } finally {
      link.destroy()
    }
  })

  it('answers MULTIPLE: fills each pair it can and sets the others to None', async () => {
    const p = newPort()
    await p.writeSecret(UNICODE)
    const { link, atom } = await rawClient(NAMES)
    const a = (n: string): number => atom[n] ?? 0
    try {
      link.client.ChangeProperty(0, link.window, a('_T_LIST'), a('ATOM_PAIR'), 32, [
        a('UTF8_STRING'), a('_T_A'),
        a('x-kde-passwordManagerHint'), a('_T_B'),
        a('_T_NO_SUCH_TARGET'), a('_T_C'),
      ])
      const note = selectionNotify(link)
      link.client.ConvertSelection(link.window, a('CLIPBOARD'), a('MULTIPLE'), a('_T_LIST'), 0)
      expect((await note)?.property).toBe(a('_T_LIST'))
      const list = await link.readProperty(link.window, a('_T_LIST'), 1024)
      const pairs = Array.from({ length: list.data.length / 4 }, (_, i) => list.data.readUInt32LE(i * 4))
      expect(pairs).toEqual([a('UTF8_STRING'), a('_T_A'), a('x-kde-passwordManagerHint'), a('_T_B'), a('_T_NO_SUCH_TARGET'), 0])
      expect((await link.readProperty(link.window, a('_T_A'), 65536)).data.toString('utf8')).toBe(UNICODE)
      expect((await link.readProperty(link.window, a('_T_B'), 1024)).data.toString('utf8')).toBe('secret')
    } finally {
      link.destroy()
    }
  })

  it('answers TIMESTAMP, and refuses a request stamped before it took the selection', async () => {
    const p = newPort()
    await p.writeSecret(UNICODE)
    const { link, atom } = await rawClient(NAMES)
    const a = (n: string): number => atom[n] ?? 0
    try {
      let note = selectionNotify(link)
      link.client.ConvertSelection(link.window, a('CLIPBOARD'), a('TIMESTAMP'), a('_T_A'), 0)
      expect((await note)?.property).toBe(a('_T_A'))
      const acquired = (await link.readProperty(link.window, a('_T_A'), 4)).data.readUInt32LE(0)

      note = selectionNotify(link)
      link.client.ConvertSelection(link.window, a('CLIPBOARD'), a('UTF8_STRING'), a('_T_B'), (acquired - 1000) >>> 0)
      expect((await note)?.property).toBe(0)

      note = selectionNotify(link)
      link.client.ConvertSelection(link.window, a('CLIPBOARD'), a('UTF8_STRING'), a('_T_B'), acquired)
      expect((await note)?.property).toBe(a('_T_B'))
    } finally {
      link.destroy()
    }
  })
})

describe('readText from other owners that xclip cannot play', () => {
  type Mode = 'incr' | 'silent' | 'string-only'

  /** Takes CLIPBOARD with a raw client that answers as `mode` says. */
  async function strangeOwner(initial: Mode): Promise<{ setMode(m: Mode): void; close(): void }> {
    const { link, atom } = await rawClient(['CLIPBOARD', 'INCR', 'STRING', 'INTEGER'])
    const a = (n: string): number => atom[n] ?? 0
    let mode = initial
    link.onEvent((ev) => {
      if (ev.name !== 'SelectionRequest') return
      const requestor = ev.requestor ?? 0
      const reply = (property: number): void =>
        link.client.SendEvent(requestor, 0, 0, {
          name: 'SelectionNotify',
          time: ev.time ?? 0,
          requestor,
          selection: ev.selection ?? 0,
          target: ev.target ?? 0,
          property,
        })
      if (mode === 'silent') return
      if (mode === 'incr') {
        link.client.ChangeProperty(0, requestor, ev.property ?? 0, a('INCR'), 32, [10_000_000])
        return reply(ev.property ?? 0)
      }
      if (ev.target !== a('STRING')) return reply(0)
      link.client.ChangeProperty(0, requestor, ev.property ?? 0, a('STRING'), 8, Buffer.from('café', 'latin1'))
      reply(ev.property ?? 0)
    })
    const taken = clipboardWatch.next((owner) => owner === link.window)
    link.client.SetSelectionOwner(link.window, a('CLIPBOARD'), 0)
    await taken
    return { setMode: (m) => (mode = m), close: () => link.destroy() }
  }

  it('refuses an INCR transfer (too large for a secret) with ""', async () => {
    const p = newPort()
    const owner = await strangeOwner('incr')
    try {
      expect(await p.readText()).toBe('')
    } finally {
      owner.close()
    }
  })

  it('gives up on an owner that never answers within about a second, then reads the next answer', async () => {
    const p = newPort()
    const owner = await strangeOwner('silent')
    try {
      const started = performance.now()
      expect(await p.readText()).toBe('')
      const waited = performance.now() - started
      expect(waited).toBeGreaterThanOrEqual(900)
      expect(waited).toBeLessThan(3000)
      owner.setMode('string-only')
      expect(await p.readText()).toBe('café')
    } finally {
      owner.close()
    }
  })

  it('falls back to STRING (ISO Latin-1) when the owner has no UTF8_STRING', async () => {
    const p = newPort()
    const owner = await strangeOwner('string-only')
    try {
      expect(await p.readText()).toBe('café')
    } finally {
      owner.close()
    }
  })
})

describe('copy time', () => {
  it('copy_ms: from writeSecret() to another program pasting the value, over 20 copies', async () => {
    const p = newPort()
    await p.writeSecret('warm-up') // the first use connects; copy_ms is about copies
    const write: number[] = []
    const copy: number[] = []
    for (let i = 0; i < 20; i++) {
      const value = `sk-copy-${i}-${randomBytes(16).toString('hex')}`
      const start = performance.now()
      await p.writeSecret(value)
      write.push(performance.now() - start)
      // One read suffices: writeSecret resolves only once the server confirmed we own CLIPBOARD.
      expect(await pasted('clipboard')).toBe(value)
      copy.push(performance.now() - start)
    }
    const first = performance.now()
    const cold = createSystemClipboard(env, 'linux')
    await cold.writeSecret('cold-start')
    const coldMs = performance.now() - first
    await cold.close?.()
    console.error(
      `[system-clipboard] X11 ${x.display}: copy_ms (writeSecret start → xclip printed the value) ${stats(copy)}; ` +
        `writeSecret alone ${stats(write)}; first copy incl. connecting ${coldMs.toFixed(1)} ms`,
    )
    expect(quantile(write, 0.5)).toBeLessThanOrEqual(50)
    expect(quantile(copy, 0.5)).toBeLessThanOrEqual(250) // mostly xclip's own start-up; target 50
  })
})

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((m, n) => m - n)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

function stats(values: readonly number[]): string {
  return `median ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n=${values.length})`
}
