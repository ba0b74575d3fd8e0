import type { App, Session, Shell, WebContents } from 'electron'
import { builtInProviders } from '../shared/providers/registry'
import { isAppUrl } from './app-origin'

type Guardable = Pick<WebContents, 'on' | 'setWindowOpenHandler'>
type PortalOpener = Pick<Shell, 'openExternal'>

/**
 * Keeps every webContents on our own page: no navigation or redirect elsewhere, no new windows,
 * no <webview>. Provider portal links (and only those) open in the system browser instead.
 */
export function hardenWebContents(contents: Guardable, shell: PortalOpener): void {
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-frame-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (builtInProviders.isPortalUrl(url)) {
      shell.openExternal(url).catch(() => {
        console.warn('Keyhold could not open the provider portal in the system browser.')
      })
    }
    return { action: 'deny' }
  })
}

/** Applies hardenWebContents to every webContents the app ever creates, before it loads anything. */
export function hardenAllWebContents(app: Pick<App, 'on'>, shell: PortalOpener): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell))
}

type Hardenable = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
>

/** A key vault needs no camera, microphone, location, notifications, devices or screen capture. */
export function hardenSession(session: Hardenable): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null))
}
