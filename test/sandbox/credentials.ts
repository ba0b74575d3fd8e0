import type { IncomingMessage } from 'node:http'
import { headerValue } from './http-util'

export function bearerToken(req: IncomingMessage): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(headerValue(req, 'authorization') ?? '')?.[1]
}

export function basicPair(req: IncomingMessage): { user: string; password: string } | undefined {
  const encoded = /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(headerValue(req, 'authorization') ?? '')?.[1]
  if (encoded === undefined) return undefined
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/** What tells two callers apart for per-key faults: the raw credential headers, whatever the scheme. */
export function credentialIdentity(req: IncomingMessage): string {
  return `${headerValue(req, 'authorization') ?? ''}\n${headerValue(req, 'x-api-key') ?? ''}`
}

/** Every value this request could authenticate with, whatever the scheme. */
export function presentedSecrets(req: IncomingMessage): string[] {
  return [bearerToken(req), headerValue(req, 'x-api-key'), basicPair(req)?.password].filter((s): s is string => s !== undefined)
}
