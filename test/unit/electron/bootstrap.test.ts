// The composition root (electron/main/index.ts) run against a stand-in `electron` module: it
// checks the order Electron demands and that every hardening step is actually wired in.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { METHOD_CHANNELS } from '../../../electron/shared/channels'
import { Emitter } from './doubles'

const h = vi.hoisted(() => {
  const calls: string[] = []
  const state = { gotLock: true, windows: [] as { options: unknown; url?: string }[] }
  return { calls, state }
})

vi.mock('electron', async () => {
  const { Emitter } = await import('./doubles')
  const paths = new Map<string, string>()
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    setPath: vi.fn((name: string, path: string) => {
      h.calls.push(`setPath:${name}`)
      paths.set(name, path)
    }),
    getPath: vi.fn((name: string) => paths.get(name) ?? `/default/${name}`),
    requestSingleInstanceLock: vi.fn(() => {
      h.calls.push('requestSingleInstanceLock')
      return h.state.gotLock
    }),
    quit: vi.fn(() => h.calls.push('quit')),
    exit: vi.fn(),
    whenReady: vi.fn(() => {
      h.calls.push('whenReady')
      return Promise.resolve()
    }),
  })
  class BrowserWindow extends Emitter {
    webContents = { isDestroyed: () => false, send: vi.fn() }
    constructor(readonly options: unknown) {
      super()
      h.calls.push('new BrowserWindow')
      h.state.windows.push(this)
    }
    loadURL = vi.fn(async (url: string) => {
      ;(this as { url?: string }).url = url
    })
    show = vi.fn()
    isDestroyed = () => false
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(() => h.calls.push('setPermissionRequestHandler')),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setDisplayMediaRequestHandler: vi.fn(),
    },
  }
  return {
    app,
    BrowserWindow,
    session,
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    powerMonitor: new Emitter(),
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => h.calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => h.calls.push('protocol.handle')),
    },
    shell: { openExternal: vi.fn() },
    dialog: { showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })), showSaveDialog: vi.fn(async () => ({ canceled: true })) },
    net: { fetch: vi.fn(async () => new Response('{}')) },
    clipboard: { write: vi.fn(async () => undefined), readText: vi.fn(async () => ''), clear: vi.fn() },
    ClipboardItem: class {
      constructor(readonly items: unknown) {}
    },
    Notification: class {
      static isSupported = () => false
      show() {}
    },
  }
})

vi.mock('../../../electron/core/keyhold-core', async () => {
  const { CoreEvents } = await import('../../../electron/core/events')
  const { METHOD_CHANNELS } = await import('../../../electron/shared/channels')
  return {
    createKeyholdCore: vi.fn(() => {
      h.calls.push('createKeyholdCore')
      return {
        handlers: Object.fromEntries(METHOD_CHANNELS.map((c) => [c, vi.fn()])),
        events: new CoreEvents(),
        vault: { lock: vi.fn(async () => undefined) },
        shutdown: vi.fn(async () => undefined),
      }
    }),
  }
})

async function boot(gotLock: boolean) {
  h.calls.length = 0
  h.state.gotLock = gotLock
  h.state.windows = []
  vi.resetModules()
  const electron = await import('electron')
  // The stand-in module outlives resetModules, so its listeners from an earlier boot are dropped.
  for (const emitter of [electron.app, electron.powerMonitor]) (emitter as unknown as Emitter).listeners.clear()
  const core = await import('../../../electron/core/keyhold-core')
  await import('../../../electron/main/index')
  return { electron: vi.mocked(electron, true), core: vi.mocked(core, true) }
}

beforeEach(() => {
  vi.stubEnv('KEYHOLD_DATA_DIR', '/tmp/keyhold-boot-test')
})
afterEach(() => {
  vi.unstubAllEnvs()
  vi.clearAllMocks()
})

describe('the desktop composition root', () => {
  it('a second instance quits before creating core, a protocol handler or a window', async () => {
    await boot(false)
    expect(h.calls).toContain('quit')
    expect(h.calls).not.toContain('whenReady')
    expect(h.calls).not.toContain('createKeyholdCore')
    expect(h.calls).not.toContain('new BrowserWindow')
  })

  it('sets the data folder, the scheme privileges and the instance lock before ready, in that order', async () => {
    const { electron } = await boot(true)
    const at = (step: string) => h.calls.indexOf(step)
    expect(at('setPath:userData')).toBeLessThan(at('requestSingleInstanceLock'))
    expect(at('registerSchemesAsPrivileged')).toBeLessThan(at('whenReady'))
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', '/tmp/keyhold-boot-test')
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('on ready: hardens the session, serves app://, binds every channel, then opens the hardened window', async () => {
    const { electron, core } = await boot(true)
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1))
    const at = (step: string) => h.calls.indexOf(step)
    expect(at('setPermissionRequestHandler')).toBeLessThan(at('new BrowserWindow'))
    expect(at('protocol.handle')).toBeLessThan(at('new BrowserWindow'))
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(core.createKeyholdCore).toHaveBeenCalledWith({
      dataDir: '/tmp/keyhold-boot-test',
      // The diagnostics log the host opened, so the host's own failures land beside core's.
      logger: expect.objectContaining({ event: expect.any(Function), error: expect.any(Function) }),
      fetch: expect.any(Function),
      clipboard: expect.objectContaining({ writeSecret: expect.any(Function) }),
      // The OS keychain, read here in main for keychain unlock.
      keychain: expect.objectContaining({ available: expect.any(Function), read: expect.any(Function), store: expect.any(Function), remove: expect.any(Function) }),
      // Files in and out through Electron's own open and save dialogs.
      fileDialogs: expect.objectContaining({ open: expect.any(Function), save: expect.any(Function) }),
    })
    // Checks go through Electron's net.fetch (system proxy and certificates), not Node's fetch.
    const [[options]] = vi.mocked(core.createKeyholdCore).mock.calls as unknown as [[{ fetch: (u: string, i: RequestInit) => Promise<Response> }]]
    await options.fetch('https://rest.threatstop.com/v4.0/devices', { method: 'GET' })
    expect(electron.net.fetch).toHaveBeenCalledWith('https://rest.threatstop.com/v4.0/devices', { method: 'GET' })
    expect(electron.ipcMain.handle.mock.calls.map(([c]) => c).sort()).toEqual([...METHOD_CHANNELS].sort())
    const app = electron.app as unknown as Emitter
    const power = electron.powerMonitor as unknown as Emitter
    expect(app.count('web-contents-created')).toBe(1)
    expect(app.count('before-quit')).toBe(1)
    expect(app.count('second-instance')).toBe(1)
    expect(app.count('window-all-closed')).toBe(1)
    expect(power.count('suspend')).toBe(1)
    expect(power.count('lock-screen')).toBe(1)

    const [window] = h.state.windows
    expect(window?.url).toBe('app://keyhold/index.html')
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false },
    })
  })
})
