// The desktop host's clipboard port (electron/main/clipboard.ts) against stand-ins for Electron's
// `clipboard` and `ClipboardItem`: what exactly goes on the clipboard, in how many writes, and
// that the secret never leaks into an error or a log.
import type { ClipboardItem } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClipboardUnavailableError } from '../../../electron/core/clipboard/clipboard-port'
import { createElectronClipboard } from '../../../electron/main/clipboard'

// Unicode included, so "the exact value" also means exact UTF-8.
const SECRET = 'sk_live_keyhold-unit-TEST-é✓-0123456789abcdef'

// Spelled out here rather than imported, so a typo in the module cannot agree with itself.
const RAW = {
  concealed: 'electron application/osclipboard;format="org.nspasteboard.ConcealedType"',
  exclude: 'electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"',
  history: 'electron application/osclipboard;format="CanIncludeInClipboardHistory"',
  cloud: 'electron application/osclipboard;format="CanUploadToCloudClipboard"',
  kde: 'electron application/osclipboard;format="x-kde-passwordManagerHint"',
} as const

/** Records what it was built with, like Electron's ClipboardItem exposes `types`. */
class FakeClipboardItem {
  constructor(readonly items: Record<string, unknown>) {}
  get types(): string[] {
    return Object.keys(this.items)
  }
}
const ItemCtor = FakeClipboardItem as unknown as typeof ClipboardItem

function fakeBoard(readText = '') {
  return {
    write: vi.fn(async (_items: ClipboardItem[]) => undefined),
    writeText: vi.fn(async (_text: string) => undefined),
    readText: vi.fn(async () => readText),
    clear: vi.fn((): void => undefined),
  }
}
type FakeBoard = ReturnType<typeof fakeBoard>

function fakeClipboard(readText = '', withSelection = true) {
  return Object.assign(fakeBoard(readText), { selection: withSelection ? fakeBoard() : undefined })
}

/** The bytes Electron would put on the clipboard: a string UTF-8 encoded, a Blob as it is. */
async function bytesOf(payload: unknown): Promise<number[]> {
  if (typeof payload === 'string') return [...new TextEncoder().encode(payload)]
  if (payload instanceof Blob) return [...new Uint8Array(await payload.arrayBuffer())]
  throw new Error(`unexpected payload type ${typeof payload}`)
}

/** The single item of the single write a board received, as format → bytes. */
async function onlyWrite(board: FakeBoard): Promise<Record<string, number[]>> {
  expect(board.write).toHaveBeenCalledTimes(1)
  const [items] = board.write.mock.calls[0] ?? []
  expect(items).toHaveLength(1)
  const item = items?.[0] as unknown as FakeClipboardItem
  expect(item).toBeInstanceOf(FakeClipboardItem)
  const out: Record<string, number[]> = {}
  for (const [format, payload] of Object.entries(item.items)) out[format] = await bytesOf(payload)
  return out
}

const utf8 = (text: string) => [...new TextEncoder().encode(text)]

const EXPECTED: Record<'darwin' | 'win32' | 'linux', Record<string, number[]>> = {
  darwin: { 'text/plain': utf8(SECRET), [RAW.concealed]: [] },
  win32: {
    'text/plain': utf8(SECRET),
    [RAW.exclude]: [],
    // DWORD 0: four little-endian bytes.
    [RAW.history]: [0x00, 0x00, 0x00, 0x00],
    [RAW.cloud]: [0x00, 0x00, 0x00, 0x00],
  },
  linux: { 'text/plain': utf8(SECRET), [RAW.kde]: utf8('secret') },
}

let consoleSpies: ReturnType<typeof vi.spyOn>[] = []
beforeEach(() => {
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined))
})
afterEach(() => {
  // Whatever a test did, nothing it logged holds the secret.
  for (const spy of consoleSpies) expect(JSON.stringify(spy.mock.calls)).not.toContain(SECRET)
  vi.restoreAllMocks()
})

/** Everything an error exposes: message, stack, cause, own properties and its string form. */
function everythingIn(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const own = Object.fromEntries(Object.getOwnPropertyNames(err).map((k) => [k, String((err as unknown as Record<string, unknown>)[k])]))
  return [String(err), err.stack ?? '', String(err.cause ?? ''), JSON.stringify(own)].join('\n')
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

describe('writeSecret puts the text and the platform hints on the clipboard in one write', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('%s: exactly the expected formats and bytes', async (platform) => {
    const clipboard = fakeClipboard()
    const port = createElectronClipboard(clipboard, ItemCtor, platform)

    await port.writeSecret(SECRET)

    expect(await onlyWrite(clipboard)).toStrictEqual(EXPECTED[platform])
    const selection = clipboard.selection as FakeBoard
    if (platform === 'linux') {
      // PRIMARY: one separate write, the same single item with the same hint.
      expect(await onlyWrite(selection)).toStrictEqual(EXPECTED.linux)
    } else {
      // A selection double exists here on purpose: off Linux it is never touched.
      expect(selection.write).not.toHaveBeenCalled()
    }
    // Nothing else: no writeText, no clear, no read.
    for (const board of [clipboard, selection]) {
      expect(board.writeText).not.toHaveBeenCalled()
      expect(board.clear).not.toHaveBeenCalled()
    }
    expect(clipboard.readText).not.toHaveBeenCalled()
  })

  it('win32: the DWORD hints are raw bytes (a Blob), not text', async () => {
    const clipboard = fakeClipboard()
    await createElectronClipboard(clipboard, ItemCtor, 'win32').writeSecret(SECRET)
    const item = clipboard.write.mock.calls[0]?.[0]?.[0] as unknown as FakeClipboardItem
    expect(item.items[RAW.history]).toBeInstanceOf(Blob)
    expect(item.items[RAW.cloud]).toBeInstanceOf(Blob)
    expect(item.items['text/plain']).toBe(SECRET)
  })

  it('linux without a selection clipboard: one write, on CLIPBOARD only', async () => {
    const clipboard = fakeClipboard('', false)
    const port = createElectronClipboard(clipboard, ItemCtor, 'linux')
    await port.writeSecret(SECRET)
    expect(await onlyWrite(clipboard)).toStrictEqual(EXPECTED.linux)
    expect(port.hints.description).not.toContain('PRIMARY')
  })

  it('a platform with no known hint: text only, and hints say it is not concealed', async () => {
    const clipboard = fakeClipboard()
    const port = createElectronClipboard(clipboard, ItemCtor, 'freebsd')
    await port.writeSecret(SECRET)
    expect(await onlyWrite(clipboard)).toStrictEqual({ 'text/plain': utf8(SECRET) })
    expect((clipboard.selection as FakeBoard).write).not.toHaveBeenCalled()
    expect(port.hints.concealed).toBe(false)
  })

  it('each write gets its own ClipboardItem', async () => {
    const clipboard = fakeClipboard()
    await createElectronClipboard(clipboard, ItemCtor, 'linux').writeSecret(SECRET)
    const first = clipboard.write.mock.calls[0]?.[0]?.[0]
    const second = clipboard.selection?.write.mock.calls[0]?.[0]?.[0]
    expect(first).toBeDefined()
    expect(second).toBeDefined()
    expect(first).not.toBe(second)
  })
})

describe('readText and clear delegate to Electron', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('%s: readText returns the clipboard text and writes nothing', async (platform) => {
    const clipboard = fakeClipboard('what the person copied')
    const port = createElectronClipboard(clipboard, ItemCtor, platform)
    expect(await port.readText()).toBe('what the person copied')
    expect(clipboard.readText).toHaveBeenCalledTimes(1)
    expect(clipboard.write).not.toHaveBeenCalled()
    expect(clipboard.selection?.write).not.toHaveBeenCalled()
  })

  it('readText passes an empty clipboard on as an empty string', async () => {
    expect(await createElectronClipboard(fakeClipboard(''), ItemCtor, 'darwin').readText()).toBe('')
  })

  it.each(['darwin', 'win32'] as const)('%s: clear empties the clipboard once and touches nothing else', async (platform) => {
    const clipboard = fakeClipboard()
    await createElectronClipboard(clipboard, ItemCtor, platform).clear()
    expect(clipboard.clear).toHaveBeenCalledTimes(1)
    expect(clipboard.selection?.clear).not.toHaveBeenCalled()
    expect(clipboard.write).not.toHaveBeenCalled()
  })

  it('linux: clear empties CLIPBOARD and PRIMARY', async () => {
    const clipboard = fakeClipboard()
    await createElectronClipboard(clipboard, ItemCtor, 'linux').clear()
    expect(clipboard.clear).toHaveBeenCalledTimes(1)
    expect(clipboard.selection?.clear).toHaveBeenCalledTimes(1)
    expect(clipboard.write).not.toHaveBeenCalled()
    expect(clipboard.selection?.write).not.toHaveBeenCalled()
  })

  it('linux: clear still empties PRIMARY when CLIPBOARD refuses, then reports the failure', async () => {
    const clipboard = fakeClipboard()
    clipboard.clear.mockImplementation(() => {
      throw new Error('X11 said no')
    })
    const err = await caught(createElectronClipboard(clipboard, ItemCtor, 'linux').clear())
    expect(err).toBeInstanceOf(ClipboardUnavailableError)
    expect(clipboard.selection?.clear).toHaveBeenCalledTimes(1)
  })
})

describe('hints', () => {
  it.each([
    ['darwin', ['org.nspasteboard.ConcealedType']],
    ['win32', ['ExcludeClipboardContentFromMonitorProcessing', 'CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard']],
    ['linux', ['x-kde-passwordManagerHint', 'PRIMARY']],
  ] as const)('%s: concealed, naming its hints and saying they are unverified', (platform, names) => {
    const { hints } = createElectronClipboard(fakeClipboard(), ItemCtor, platform)
    expect(hints.concealed).toBe(true)
    for (const name of names) expect(hints.description).toContain(name)
    expect(hints.description).toMatch(/not yet verified/)
  })
})

describe('the secret never reaches an error or a log', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('%s: a failed write becomes a fixed-sentence ClipboardUnavailableError', async (platform) => {
    const clipboard = fakeClipboard()
    clipboard.write.mockRejectedValue(new Error(`could not write ${SECRET}`))
    const err = await caught(createElectronClipboard(clipboard, ItemCtor, platform).writeSecret(SECRET))
    expect(err).toBeInstanceOf(ClipboardUnavailableError)
    expect(everythingIn(err)).not.toContain(SECRET)
    // CLIPBOARD failed, so PRIMARY is not written either.
    expect(clipboard.selection?.write).not.toHaveBeenCalled()
  })

  it('a ClipboardItem that throws (with the secret in its message) is reported without it', async () => {
    const Throwing = vi.fn(function (items: Record<string, unknown>) {
      throw new TypeError(`bad item ${String(items['text/plain'])}`)
    }) as unknown as typeof ClipboardItem
    const clipboard = fakeClipboard()
    const err = await caught(createElectronClipboard(clipboard, Throwing, 'win32').writeSecret(SECRET))
    expect(err).toBeInstanceOf(ClipboardUnavailableError)
    expect(everythingIn(err)).not.toContain(SECRET)
    expect(clipboard.write).not.toHaveBeenCalled()
  })

  it('linux: a refused PRIMARY write leaves the copy done and logs a fixed sentence only', async () => {
    const clipboard = fakeClipboard()
    clipboard.selection?.write.mockRejectedValue(new Error(`selection refused ${SECRET}`))
    await createElectronClipboard(clipboard, ItemCtor, 'linux').writeSecret(SECRET)
    expect(clipboard.write).toHaveBeenCalledTimes(1)
    expect(console.warn).toHaveBeenCalledTimes(1)
    // afterEach checks that no console call held the secret.
  })

  it('a failed read becomes a fixed-sentence ClipboardUnavailableError', async () => {
    const clipboard = fakeClipboard()
    clipboard.readText.mockRejectedValue(new Error(`read failed near ${SECRET}`))
    const err = await caught(createElectronClipboard(clipboard, ItemCtor, 'darwin').readText())
    expect(err).toBeInstanceOf(ClipboardUnavailableError)
    expect(everythingIn(err)).not.toContain(SECRET)
  })

  it('a failed clear becomes a fixed-sentence ClipboardUnavailableError', async () => {
    const clipboard = fakeClipboard()
    clipboard.clear.mockImplementation(() => {
      throw new Error(`clear failed ${SECRET}`)
    })
    const err = await caught(createElectronClipboard(clipboard, ItemCtor, 'win32').clear())
    expect(err).toBeInstanceOf(ClipboardUnavailableError)
    expect(everythingIn(err)).not.toContain(SECRET)
  })

  it('a successful copy logs nothing at all', async () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      await createElectronClipboard(fakeClipboard(), ItemCtor, platform).writeSecret(SECRET)
    }
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled()
  })
})
