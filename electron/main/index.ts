// The desktop host's composition root: builds core and wires it to Electron, in the order
// Electron requires (paths, scheme privileges and the instance lock before 'ready').
import { join } from 'node:path'
import { app, BrowserWindow, clipboard, ClipboardItem, dialog, ipcMain, net, Notification, powerMonitor, protocol, session, shell } from 'electron'
import { createFileLogger, diagnosticsDir } from '../core/diagnostics/file-logger'
import type { DiagnosticsLogger } from '../core/diagnostics/logger'
import { createKeyholdCore } from '../core/keyhold-core'
import { createSystemKeychain } from '../platform/keychain/system-keychain'
import { resolveDataDir } from '../core/paths'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin'
import { createAppProtocolHandler } from './app-protocol'
import { createElectronClipboard } from './clipboard'
import { createElectronFileDialogs } from './file-dialogs'
import { bindContract } from './ipc'
import { forwardCoreEvents, lockOnPowerEvents, shutdownBeforeQuit } from './lifecycle'
import { hardenAllWebContents, hardenSession } from './navigation'
import { notifyExpiring } from './notifications'
import { isTrustedSender } from './sender'
import { claimSingleInstance } from './single-instance'
import { createMainWindow, revealWindow } from './window'
// `?asset`: electron-vite leaves a file under resources/ where it is and gives its path from the built main
// (copying only assets from elsewhere); a PNG, as Linux window icons must be.
import iconPath from '../../resources/icon.png?asset'

// Built layout: out/main/index.js beside out/renderer/.
const RENDERER_DIR = join(__dirname, '../renderer')

let mainWindow: BrowserWindow | null = null
const mainContents = () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow.webContents : null)

function bootstrap(): void {
  // The folder core would pick on its own (KEYHOLD_DATA_DIR, else the platform's "Keyhold"
  // folder), so the desktop app and the web host open the same vault; Electron's default
  // would follow package.json's lower-case name. Set before the instance lock, which lives here.
  app.setPath('userData', resolveDataDir())
  // Chromium's caches and storage go in a subfolder, apart from the vault and its backups.
  app.setPath('sessionData', join(app.getPath('userData'), 'session'))
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

  if (!claimSingleInstance(app, () => revealWindow(mainWindow))) return
  // Opened by the instance that holds the vault only, so one process writes the log.
  const logger = createFileLogger({ dir: diagnosticsDir(app.getPath('userData')) })

  hardenAllWebContents(app, shell)
  // Closing the window ends the app, which locks the vault; nothing keeps running unseen.
  app.on('window-all-closed', () => app.quit())
  app.whenReady().then(() => start(logger)).catch((err: unknown) => {
    logger.error('host:start', err)
    console.error(`Keyhold could not start: ${err instanceof Error ? err.message : String(err)}`)
    app.exit(1)
  })
}

function start(logger: DiagnosticsLogger): void {
  hardenSession(session.defaultSession)
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR))

  // Checks go through Chromium's network stack: the system proxy and certificate store apply.
  const core = createKeyholdCore({
    dataDir: app.getPath('userData'),
    logger,
    fetch: (input, init) => net.fetch(input, init),
    // Copy happens here in main: Electron's clipboard with the platform's concealed hints.
    clipboard: createElectronClipboard(clipboard, ClipboardItem),
    // The vault key for keychain unlock is read here in main, never sent to the window.
    keychain: createSystemKeychain(),
    // Files in and out through the system's own dialogs: core sees only what the person picked.
    fileDialogs: createElectronFileDialogs(dialog, () => mainWindow),
  })
  bindContract(ipcMain, core.handlers, (event) => isTrustedSender(event, mainContents()))
  forwardCoreEvents(core.events, mainContents)
  notifyExpiring(core.events, Notification)
  lockOnPowerEvents(powerMonitor, core.vault)
  shutdownBeforeQuit(app, () => core.shutdown())

  mainWindow = createMainWindow(BrowserWindow, { devTools: !app.isPackaged, icon: iconPath })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

bootstrap()
