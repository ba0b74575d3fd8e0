import type { BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createMainWindow, HARDENED_WEB_PREFERENCES, revealWindow, type BrowserWindowCtor } from '../../../electron/main/window'
import { Emitter } from './doubles'

const EXPECTED_HARDENED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  preload: expect.stringMatching(/[/\\]preload[/\\]index\.cjs$/),
}

class FakeWindow extends Emitter {
  static created: FakeWindow[] = []
  readonly loadURL = vi.fn(async (_url: string) => undefined)
  readonly show = vi.fn()
  readonly focus = vi.fn()
  readonly restore = vi.fn()
  minimized = false
  destroyed = false
  isMinimized = () => this.minimized
  isDestroyed = () => this.destroyed

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    FakeWindow.created.push(this)
  }
}

const Ctor = FakeWindow as unknown as BrowserWindowCtor

function create(devTools: boolean): FakeWindow {
  FakeWindow.created = []
  createMainWindow(Ctor, { devTools })
  const [window] = FakeWindow.created
  if (!window) throw new Error('no window was created')
  return window
}

describe('the main window', () => {
  it('HARDENED_WEB_PREFERENCES holds exactly the hardened settings, and cannot be changed', () => {
    expect(HARDENED_WEB_PREFERENCES).toStrictEqual(EXPECTED_HARDENED)
    expect(Object.isFrozen(HARDENED_WEB_PREFERENCES)).toBe(true)
  })

  it('is created with exactly the hardened preferences, and no devTools in a packaged app', () => {
    const window = create(false)
    expect(FakeWindow.created).toHaveLength(1)
    expect(window.options.webPreferences).toStrictEqual({ ...EXPECTED_HARDENED, devTools: false })
  })

  it('gets devTools only when asked (unpackaged builds), with nothing else relaxed', () => {
    expect(create(true).options.webPreferences).toStrictEqual({ ...EXPECTED_HARDENED, devTools: true })
  })

  it('loads our own page over app://, never file:// or http://', () => {
    expect(create(false).loadURL).toHaveBeenCalledExactlyOnceWith('app://keyhold/index.html')
  })

  it('stays hidden until its first paint is ready', () => {
    const window = create(false)
    expect(window.options.show).toBe(false)
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledOnce()
  })

  it('is restored and focused when a second launch asks for it', () => {
    const window = create(false)
    window.minimized = true
    revealWindow(window as never)
    expect(window.restore).toHaveBeenCalledOnce()
    expect(window.focus).toHaveBeenCalledOnce()
    expect(() => revealWindow(null)).not.toThrow()
  })
})
