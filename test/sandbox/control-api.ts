import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { SandboxInputError, SandboxRuleError, SandboxUnknownKeyError } from './errors'
import { BodyTooLargeError, headerValue, readBody } from './http-util'
import { isLoopbackPeer } from './loopback'
import { faultRulesSchema, sandboxKeySchema, secretOnlySchema } from './schemas'
import type { Sandbox } from './types'

export const CONTROL_PREFIX = '/__sandbox/'

function send(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) })
  res.end(payload)
}

function statusOf(err: unknown): number {
  if (err instanceof z.ZodError || err instanceof SyntaxError || err instanceof SandboxInputError) return 400
  if (err instanceof BodyTooLargeError) return 413
  if (err instanceof SandboxRuleError) return 409
  if (err instanceof SandboxUnknownKeyError) return 404
  return 500
}

/**
 * The sandbox's scripting API for other processes (`npm run demo`, Playwright). POSTs must be
 * `application/json`: a web page can only send that after a CORS preflight, which nothing here
 * answers, so a page open in a browser cannot script the sandbox.
 */
export async function handleControl(req: IncomingMessage, res: ServerResponse, sandbox: Sandbox): Promise<void> {
  if (!isLoopbackPeer(req.socket.remoteAddress)) return send(res, 403, { error: 'loopback only' })
  const endpoint = new URL(req.url ?? '/', 'http://sandbox').pathname.slice(CONTROL_PREFIX.length)
  try {
    if (req.method === 'GET') {
      if (endpoint === 'received') return send(res, 200, sandbox.received)
      if (endpoint === 'info') return send(res, 200, { provider: sandbox.provider, url: sandbox.url, requestCount: sandbox.requestCount() })
      return send(res, 404, { error: 'no such endpoint' })
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'GET or POST' })
    if (!/^application\/json\b/i.test(headerValue(req, 'content-type') ?? '')) return send(res, 415, { error: 'Content-Type must be application/json' })
    const body: unknown = JSON.parse(await readBody(req, 64 * 1024))
    switch (endpoint) {
      case 'keys':
        sandbox.addKey(sandboxKeySchema.parse(body))
        return send(res, 201, { ok: true })
      case 'revoke':
        sandbox.revoke(secretOnlySchema.parse(body).secret)
        return send(res, 200, { ok: true })
      case 'expire':
        sandbox.expire(secretOnlySchema.parse(body).secret)
        return send(res, 200, { ok: true })
      case 'faults':
        sandbox.setFaults(faultRulesSchema.parse(body))
        return send(res, 200, { ok: true })
      default:
        return send(res, 404, { error: 'no such endpoint' })
    }
  } catch (err) {
    const status = statusOf(err)
    const message = err instanceof z.ZodError ? z.prettifyError(err) : err instanceof Error ? err.message : String(err)
    return send(res, status, { error: message })
  }
}
