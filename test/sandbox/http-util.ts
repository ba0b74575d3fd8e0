import type { IncomingMessage, ServerResponse } from 'node:http'

/** What a provider handler answers; the server writes it as JSON with an X-Request-Id header. */
export interface Reply {
  status: number
  body: unknown
  requestId: string
  headers?: Record<string, string>
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const payload = JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'x-request-id': reply.requestId,
    ...reply.headers,
  })
  res.end(payload)
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** Every header, names lower-cased (Node already does) and repeated values joined. */
export function allHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > limit) throw new BodyTooLargeError(`body over ${limit} bytes`)
    chunks.push(buf)
  }
  return Buffer.concat(chunks).toString('utf8')
}
