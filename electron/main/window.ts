import { join } from 'node:path'
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import { APP_ENTRY_URL } from './app-origin'

// Built layout: out/main/index.js beside out/preload/index.cjs (CommonJS, as a sandboxed preload must be).
export const PRELOAD_PATH = join(__dirname, '../preload/index.cjs')

/** The window runs no Node, shares nothing with the preload's world and can only reach window.keyhold. */
export const HARDENED_WEB_PREFERENCES = Object.freeze({
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
  preload: PRELOAD_PATH,
} satisfies WebPreferences)

export type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindow

export interface MainWindowOptions {
  /** Only unpackaged (development) builds get devTools. */
  readonly devTools: boolean
  readonly url?: string
  /** Keyhold's icon (resources/icon.png) for the title bar, task bar and window switcher. */
  readonly icon?: string
}

/** Creates the one window, shown once its first paint is ready, and loads the app. */
export function createMainWindow(BrowserWindowCtor: BrowserWindowCtor, options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindowCtor({
    title: 'Keyhold',
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    autoHideMenuBar: true,
    ...(options.icon === undefined ? {} : { icon: options.icon }),
    webPreferences: { ...HARDENED_WEB_PREFERENCES, devTools: options.devTools },
  })
  window.once('ready-to-show', () => window.show())
  window.loadURL(options.url ?? APP_ENTRY_URL).catch((err: unknown) => {
    console.error(`Keyhold could not load its window: ${err instanceof Error ? err.message : String(err)}`)
  })
  return window
}

/** Brings the window back when a second launch asks for it. */
export function revealWindow(window: BrowserWindow | null): void {
  if (window === null || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
