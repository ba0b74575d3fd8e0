import type { Session, Shell, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { hardenAllWebContents, hardenSession, hardenWebContents } from '../../../electron/main/navigation'
import { cancellable, Emitter } from './doubles'

type OpenHandler = (details: { url: string }) => { action: string }

function guardedContents() {
  const emitter = new Emitter()
  let openHandler: OpenHandler | undefined
  const double = Object.assign(emitter, {
    setWindowOpenHandler: vi.fn((handler: OpenHandler) => {
      openHandler = handler
    }),
  })
  const shell = { openExternal: vi.fn(async (_url: string) => undefined) }
  hardenWebContents(double as unknown as WebContents, shell as unknown as Shell)
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window-open handler was set')
    return openHandler({ url })
  }
  const navigate = (event: string, url: string) => {
    const e = cancellable({ url })
    emitter.emit(event, e, url)
    return e.preventDefault.mock.calls.length > 0
  }
  return { emitter, shell, open, navigate }
}

const FOREIGN_URLS = [
  'https://evil.com/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'app://keyhold.evil.com/index.html',
  'app://other/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https://acme.threadeo.com/api-settings',
  'not a url',
]

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s is prevented for every foreign URL', (event) => {
    const { navigate } = guardedContents()
    for (const url of FOREIGN_URLS) expect(navigate(event, url), url).toBe(true)
  })

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s stays allowed within app://keyhold', (event) => {
    const { navigate } = guardedContents()
    expect(navigate(event, 'app://keyhold/index.html')).toBe(false)
    expect(navigate(event, 'app://keyhold/index.html#/keys')).toBe(false)
  })

  it('denies every window.open, whatever the URL', () => {
    const { open } = guardedContents()
    for (const url of [...FOREIGN_URLS, 'app://keyhold/index.html', 'https://admin.threatstop.com']) {
      expect(open(url)).toEqual({ action: 'deny' })
    }
  })

  it.each([
    'https://acme.threadeo.com/api-settings',
    'https://admin.threatstop.com',
    'https://admin.threatstop.com/settings/api-keys',
    'https://app.spreeflo.com/integrations',
  ])('hands the provider portal %s to the system browser', (url) => {
    const { open, shell } = guardedContents()
    expect(open(url)).toEqual({ action: 'deny' })
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(url)
  })

  it.each([
    'http://acme.threadeo.com/api-settings',
    'https://evil.com',
    'https://acme.threadeo.com.evil.com/',
    'https://user:pw@admin.threatstop.com/',
    'https://admin.threatstop.com:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://keyhold/index.html',
  ])('never hands %s to the system browser', (url) => {
    const { open, shell } = guardedContents()
    open(url)
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('prevents attaching a <webview>', () => {
    const { emitter } = guardedContents()
    const event = cancellable()
    emitter.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })

  it('is applied to every webContents the app creates', () => {
    const app = new Emitter()
    const shell = { openExternal: vi.fn() }
    hardenAllWebContents(app as never, shell as unknown as Shell)
    const created = Object.assign(new Emitter(), { setWindowOpenHandler: vi.fn() })
    app.emit('web-contents-created', {}, created)
    expect(created.setWindowOpenHandler).toHaveBeenCalledOnce()
    expect(created.count('will-navigate')).toBe(1)
    expect(created.count('will-redirect')).toBe(1)
    expect(created.count('will-attach-webview')).toBe(1)
  })
})

describe('hardenSession', () => {
  function hardened() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setDisplayMediaRequestHandler: vi.fn(),
    }
    hardenSession(session as unknown as Session)
    const handler = (spy: ReturnType<typeof vi.fn>) => spy.mock.calls[0]?.[0] as (...args: unknown[]) => unknown
    return { session, handler }
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])(
    'denies a %s permission request',
    (permission) => {
      const { session, handler } = hardened()
      const callback = vi.fn()
      handler(session.setPermissionRequestHandler)({}, permission, callback, {})
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    },
  )

  it('answers every permission check with false', () => {
    const { session, handler } = hardened()
    for (const permission of ['media', 'clipboard-read', 'hid', 'serial', 'usb']) {
      expect(handler(session.setPermissionCheckHandler)(null, permission, 'app://keyhold', {})).toBe(false)
    }
  })

  it('denies devices and screen capture', () => {
    const { session, handler } = hardened()
    expect(handler(session.setDevicePermissionHandler)({ deviceType: 'usb' })).toBe(false)
    const callback = vi.fn()
    handler(session.setDisplayMediaRequestHandler)({}, callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith(null)
  })
})
