import type { CustomScheme } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'keyhold'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * `standard` gives the scheme real origins (so CSP 'self', relative URLs and module scripts work)
 * and `secure` makes it a secure context like https. Nothing else: no CSP bypass, no service
 * workers, no CORS from other origins.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

/**
 * Whether a URL belongs to our own window. Compared by scheme and host because Node's URL gives
 * every non-http scheme the opaque origin "null", so `url.origin` cannot be used here.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  )
}
