import type { ServerResponse } from 'node:http'
import { ERROR_MESSAGES, type ErrorCode } from '../shared/errors'
import type { Result } from '../shared/result'
import { CONTENT_SECURITY_POLICY } from '../shared/security'

/** Sent on every answer, static or not: the same CSP as the desktop window, and no caching of anything. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
}

export function sendJson(res: ServerResponse, status: number, body: Result<unknown>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}

/**
 * Every refusal carries one of the fixed sentences and nothing from the request, so a refused
 * caller learns neither what was checked nor what the host expected.
 */
export function refuse(res: ServerResponse, status: number, code: ErrorCode = 'NOT_AUTHORIZED', headers: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: { code, message: ERROR_MESSAGES[code] } }, headers)
}
