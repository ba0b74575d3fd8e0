/**
 * The window's Content-Security-Policy, the one source for all three places it is enforced: the
 * web host's and the app:// protocol's response headers, and the meta tag the renderer build
 * writes into index.html (electron.vite.config.ts). Only our own scripts, styles and images,
 * requests only to our own origin, no plugins, no framing, no forms posting elsewhere.
 */
const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
]

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ')

/**
 * The same policy for a `<meta>` tag, which browsers read without `frame-ancestors` (they
 * ignore it there, with a console warning); the headers carry that directive.
 */
export const CONTENT_SECURITY_POLICY_META = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors ')).join('; ')

/**
 * Provider portals a link in the window may open in the system browser (Electron) — nothing
 * else leaves the app. Threadeo's portal is on the tenant's own subdomain.
 */
export const PORTAL_HOST_PATTERNS: readonly RegExp[] = [
  /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.threadeo\.com$/,
  /^admin\.threatstop\.com$/,
  /^partner-portal\.threatstop\.com$/,
  /^docs\.threatstop\.com$/,
  /^app\.spreeflo\.com$/,
]

export function isPortalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    PORTAL_HOST_PATTERNS.some((p) => p.test(url.hostname))
  )
}
