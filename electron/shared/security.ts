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
