import type { BrowserWindowConstructorOptions } from 'electron'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createMainWindow, HARDENED_WEB_PREFERENCES, revealWindow, type BrowserWindowCtor } from '../../../electron/main/window'
import { Emitter } from './doubles'

const ROOT = join(import.meta.dirname, '..', '..', '..')

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

  it('carries Keyhold’s icon when given one, and main gives it the 256 px PNG from resources/', () => {
    FakeWindow.created = []
    createMainWindow(Ctor, { devTools: false, icon: '/opt/keyhold/resources/icon.png' })
    expect(FakeWindow.created[0]?.options.icon).toBe('/opt/keyhold/resources/icon.png')
    expect(create(false).options).not.toHaveProperty('icon')
    const main = readFileSync(join(ROOT, 'electron/main/index.ts'), 'utf8')
    expect(main).toMatch(/import iconPath from '\.\.\/\.\.\/resources\/icon\.png\?asset'/)
    expect(main).toMatch(/createMainWindow\(BrowserWindow, \{[^}]*icon: iconPath/)
    // A PNG's IHDR: width and height, big-endian, at bytes 16 and 20.
    const png = readFileSync(join(ROOT, 'resources/icon.png'))
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256])
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
