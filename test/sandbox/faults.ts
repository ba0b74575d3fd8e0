import type { IncomingMessage, ServerResponse } from 'node:http'
import { STATUS_CODES } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import type { Fault } from './types'

export const HUGE_BODY_BYTES = 5 * 1024 * 1024

export interface FaultContext {
  /** Where `redirect` sends the caller: another host than the sandbox. */
  readonly catcherUrl: string | undefined
  /** Aborted by close(), so a latency timer never outlives the server. */
  readonly closing: AbortSignal
  /** The provider's own error body for a status fault with none given. */
  errorBody(status: number, requestId: string): unknown
  readonly requestId: string
}

/** Applies a fault. Resolves true when the fault answered (or deliberately never will); false to answer normally. */
export async function applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse, ctx: FaultContext): Promise<boolean> {
  switch (fault.kind) {
    case 'latency':
      await delay(fault.ms, undefined, { signal: ctx.closing })
      return false
    case 'status': {
      const body = fault.body ?? JSON.stringify(ctx.errorBody(fault.status, ctx.requestId))
      res.writeHead(fault.status, {
        'content-type': fault.body === undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'x-request-id': ctx.requestId,
        ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
      })
      res.end(body)
      return true
    }
    case 'hang':
      // Nothing is written; close() ends the connection (closeAllConnections).
      return true
    case 'reset':
      // A TCP RST (ECONNRESET at the client) rather than a polite FIN.
      req.socket.resetAndDestroy()
      return true
    case 'garbage': {
      // Claims JSON so a client that trusts Content-Type has to survive the parse failing.
      const body = Buffer.from([0x00, 0xff, 0xfe, 0x3c, 0x3c, 0x21, 0x7b, 0x5b, 0x0d, 0x1b, 0x80])
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
      res.end(body)
      return true
    }
    case 'huge':
      await streamHugeBody(res, fault.status ?? 200)
      return true
    case 'redirect': {
      if (ctx.catcherUrl === undefined) throw new Error('redirect fault without a catcher URL')
      res.writeHead(302, { location: `${ctx.catcherUrl}/caught`, 'content-length': 0 })
      res.end()
      return true
    }
    case 'html200': {
      const body = CAPTIVE_PORTAL_PAGE
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) })
      res.end(body)
      return true
    }
  }
}


/**
 * Valid JSON of exactly 5 MiB, chunked with no Content-Length, so a client can only protect
 * itself by capping what it reads. Stops as soon as the client goes away.
 */
async function streamHugeBody(res: ServerResponse, status: number): Promise<void> {
  const head = '{"_data":[],"padding":"'
  const tail = '"}'
  const chunk = 'x'.repeat(64 * 1024)
  let remaining = HUGE_BODY_BYTES - head.length - tail.length
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.write(head)
  while (remaining > 0 && !res.destroyed) {
    const piece = remaining >= chunk.length ? chunk : chunk.slice(0, remaining)
    remaining -= piece.length
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done)
          res.off('close', done)
          resolve()
        }
        res.on('drain', done)
        res.on('close', done)
      })
    }
  }
  if (!res.destroyed) res.end(tail)
}

const CAPTIVE_PORTAL_PAGE = `<!doctype html>
<html><head><title>Sign in to Guest Wi-Fi</title></head>
<body><h1>Welcome to Guest Wi-Fi</h1><p>Please accept the terms of use to continue.</p>
<form method="post" action="/accept"><button>Accept and connect</button></form></body></html>
`

export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown Status'
}
