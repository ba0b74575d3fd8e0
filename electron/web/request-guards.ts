import type { IncomingMessage } from 'node:http'
import { SESSION_HEADER } from '../shared/web-protocol'

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

/** The session credential the page sends in SESSION_HEADER (never a cookie: see web-protocol.ts). */
export function sessionHeader(req: IncomingMessage): string | undefined {
  const value = req.headers[SESSION_HEADER.toLowerCase()]
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(req.headers.authorization ?? '')
  return match?.[1]
}
