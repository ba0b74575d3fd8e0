import type { IncomingMessage } from 'node:http'

/** The two names the page may be reached by; anything else (a rebinding DNS name, another port) is refused. */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

/** The request's Host when it is exactly one of ours, else undefined. */
export function trustedHost(req: IncomingMessage, port: number): string | undefined {
  const host = req.headers.host
  // An absolute-form target (`GET http://elsewhere/`) would name a different authority than Host.
  if (host === undefined || !req.url?.startsWith('/')) return undefined
  return allowedHosts(port).includes(host) ? host : undefined
}

/**
 * A request that changes anything must come from the page itself: browsers always send Origin on
 * POST, so a missing one means a non-browser client or a stripped header, and both are refused.
 */
export function hasOwnOrigin(req: IncomingMessage, host: string): boolean {
  return req.headers.origin === `http://${host}`
}

/** The event stream is read only by our page; a browser marks any other initiator as same-site or cross-site. */
export function isSameOriginFetch(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site']
  return site === undefined || site === 'same-origin' || site === 'none'
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie
  if (header === undefined) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(req.headers.authorization ?? '')
  return match?.[1]
}
