import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import type { KeyholdCore } from '../../../electron/core/keyhold-core'
import { bindContract, type ContractIpc } from '../../../electron/main/ipc'
import { isTrustedSender } from '../../../electron/main/sender'
import { METHOD_CHANNELS, type MethodChannel } from '../../../electron/shared/channels'
import { ERROR_MESSAGES } from '../../../electron/shared/errors'
import { asContents, contents, frame, ipcEvent, type ContentsDouble } from './doubles'

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

/** ipcMain as Electron behaves: a second handler for the same channel throws. */
function fakeIpcMain() {
  const handlers = new Map<string, InvokeListener>()
  const ipc = {
    handle: vi.fn((channel: string, listener: InvokeListener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      handlers.set(channel, listener)
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel)
    }),
  }
  const invoke = (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const listener = handlers.get(channel)
    if (!listener) throw new Error(`No handler registered for '${channel}'`)
    return Promise.resolve(listener(event, ...args))
  }
  return { ipc, handlers, invoke, asIpc: ipc as unknown as ContractIpc }
}

function fakeHandlers() {
  const spies = new Map<MethodChannel, ReturnType<typeof vi.fn>>()
  for (const channel of METHOD_CHANNELS) {
    spies.set(channel, vi.fn(async (input: unknown) => ({ ok: true, value: { channel, input } })))
  }
  const handlers = Object.fromEntries(spies) as unknown as KeyholdCore['handlers']
  const spy = (channel: MethodChannel) => spies.get(channel) as ReturnType<typeof vi.fn>
  return { handlers, spy, spies: [...spies.values()] }
}

const NOT_AUTHORIZED = { ok: false, error: { code: 'NOT_AUTHORIZED', message: ERROR_MESSAGES.NOT_AUTHORIZED } }

function bound(window: ContentsDouble) {
  const ipc = fakeIpcMain()
  const core = fakeHandlers()
  const unbind = bindContract(ipc.asIpc, core.handlers, (event) => isTrustedSender(event, asContents(window)))
  return { ipc, core, unbind }
}

describe('bindContract', () => {
  it('registers every contract channel exactly once, and nothing else', () => {
    const { ipc } = bound(contents())
    const registered = ipc.ipc.handle.mock.calls.map(([channel]) => channel)
    expect(registered).toHaveLength(METHOD_CHANNELS.length)
    expect(new Set(registered)).toEqual(new Set(METHOD_CHANNELS))
  })

  it.each(METHOD_CHANNELS)('%s reaches its own core handler for our window, with the input as sent', async (channel) => {
    const window = contents()
    const { ipc, core } = bound(window)
    const result = await ipc.invoke(channel, ipcEvent(window), { some: 'input' })
    expect(result).toEqual({ ok: true, value: { channel, input: { some: 'input' } } })
    expect(core.spy(channel)).toHaveBeenCalledTimes(1)
    expect(core.spies.filter((s) => s.mock.calls.length > 0)).toHaveLength(1)
  })

  const foreignCallers: [string, (window: ContentsDouble) => IpcMainInvokeEvent][] = [
    ['another webContents showing our page', () => ipcEvent(contents())],
    ['an iframe inside our window', (w) => ipcEvent(w, frame('app://keyhold/index.html', w.mainFrame))],
    ['a foreign iframe inside our window', (w) => ipcEvent(w, frame('https://evil.com/', w.mainFrame))],
    ['a parentless frame that is not our top frame', (w) => ipcEvent(w, frame('app://keyhold/index.html', null, 7))],
    ['our top frame after it navigated to another origin', (w) => ipcEvent(w, { ...w.mainFrame, url: 'https://evil.com/' })],
    ['our top frame on a look-alike host', (w) => ipcEvent(w, { ...w.mainFrame, url: 'app://keyhold.evil.com/index.html' })],
    ['our top frame on a file:// page', (w) => ipcEvent(w, { ...w.mainFrame, url: 'file:///work/out/renderer/index.html' })],
    ['a sender whose frame is gone', (w) => ipcEvent(w, null)],
  ]

  it.each(foreignCallers)('answers NOT_AUTHORIZED on every channel to %s, without calling core', async (_label, makeEvent) => {
    const window = contents()
    const { ipc, core } = bound(window)
    for (const channel of METHOD_CHANNELS) {
      expect(await ipc.invoke(channel, makeEvent(window), { password: 'x' })).toEqual(NOT_AUTHORIZED)
    }
    for (const spy of core.spies) expect(spy).not.toHaveBeenCalled()
  })

  it('refuses everything once our window is destroyed', async () => {
    const window = contents()
    const { ipc, core } = bound(window)
    window.destroyed = true
    expect(await ipc.invoke('keyhold:vault.status', ipcEvent(window))).toEqual(NOT_AUTHORIZED)
    expect(core.spy('keyhold:vault.status')).not.toHaveBeenCalled()
  })

  it('has no channel that calls a method by name', async () => {
    const window = contents()
    const { ipc } = bound(window)
    for (const name of ['keyhold:invoke', 'keyhold:call', 'keyhold:vault', 'keyhold:vault.wipe', 'constructor', '__proto__']) {
      expect(ipc.handlers.has(name)).toBe(false)
    }
  })

  it('answers INTERNAL, not a stack trace, if a core handler throws', async () => {
    const window = contents()
    const { ipc, core } = bound(window)
    core.spy('keyhold:keys.list').mockRejectedValueOnce(new Error('boom at /secret/path.ts:1'))
    const result = await ipc.invoke('keyhold:keys.list', ipcEvent(window))
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } })
  })

  it('returns a disposer that removes every handler it added', () => {
    const { ipc, unbind } = bound(contents())
    unbind()
    expect(ipc.handlers.size).toBe(0)
    expect(ipc.ipc.removeHandler.mock.calls.map(([c]) => c).sort()).toEqual([...METHOD_CHANNELS].sort())
  })
})
