import type { IncomingMessage, ServerResponse } from 'node:http'
import type { KeyholdCore } from '../core/keyhold-core'
import { METHOD_CHANNELS, type MethodChannel } from '../shared/channels'
import { ERROR_MESSAGES } from '../shared/errors'
import { expectsContinue, readBody } from './read-body'
import { refuse, sendJson } from './responses'

export const MAX_BODY_BYTES = 64 * 1024

const CHANNELS: ReadonlySet<string> = new Set(METHOD_CHANNELS)
const isMethodChannel = (name: string): name is MethodChannel => CHANNELS.has(name)

/** `application/json`, optionally with `charset=utf-8`: any other charset would be decoded wrongly. */
function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase())
  return type === 'application/json' && params.every((p) => p === 'charset=utf-8' || p === 'charset="utf-8"')
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The body's `input`, or undefined when the body is not a JSON object holding at most that one key. */
function parseEnvelope(body: Buffer): { input: unknown } | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(utf8.decode(body))
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined
  if (Object.keys(parsed).some((k) => k !== 'input')) return undefined
  return { input: (parsed as { input?: unknown }).input }
}

/**
 * `POST /api/<channel>`: the caller is already known to be our page (Host, Origin, session).
 * Only the contract's channels exist here; each is bound by name to its own core handler.
 */
export async function handleApiCall(core: KeyholdCore, channel: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isMethodChannel(channel)) return refuse(res, 404, 'INVALID_INPUT')
  if (!isJsonContentType(req.headers['content-type'])) return refuse(res, 415, 'INVALID_INPUT')
  // The client asked before sending its body: it may, now that everything else has been checked.
  if (expectsContinue(req)) res.writeContinue()
  const read = await readBody(req, MAX_BODY_BYTES)
  if (!read.ok) {
    if (read.reason === 'aborted') return void res.destroy()
    // Closing tells Node to discard the rest of the upload instead of waiting for another request on it.
    return refuse(res, 413, 'INVALID_INPUT', { Connection: 'close' })
  }
  // The whole body has been read: the connection may serve the page's next call (server.ts).
  res.removeHeader('Connection')
  const envelope = parseEnvelope(read.body)
  if (envelope === undefined) return refuse(res, 400, 'INVALID_INPUT')
  try {
    sendJson(res, 200, await core.handlers[channel](envelope.input))
  } catch (err) {
    // Handlers answer errors as envelopes; this is only a last guard against leaking a stack.
    core.logger.error(channel, err)
    sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } })
  }
}
