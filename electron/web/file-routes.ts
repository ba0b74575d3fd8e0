import type { IncomingMessage, ServerResponse } from 'node:http'
import type { KeyholdCore } from '../core/keyhold-core'
import { KeyholdError } from '../core/errors'
import { MAX_FILE_BYTES } from '../shared/files'
import { FILE_NAME_HEADER } from '../shared/web-protocol'
import { expectsContinue, readBody } from './read-body'
import { refuse, sendJson } from './responses'

const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The file's own name from FILE_NAME_HEADER, or undefined when missing or not URI-encoded text. */
function fileName(req: IncomingMessage): string | undefined {
  const raw = req.headers[FILE_NAME_HEADER.toLowerCase()]
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

/**
 * `POST /files`: a file the person picked in the browser's file chooser, as the desktop app's
 * open dialog would hand it over. The caller is already known to be our page (Host, Origin,
 * session). A declared length over the limit is refused before a byte is read, with the sentence
 * saying what the limit is; a chunked upload is cut the moment it crosses it.
 */
export async function handleUpload(core: KeyholdCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if ((req.headers['content-type'] ?? '').toLowerCase() !== 'application/octet-stream') return refuse(res, 415, 'INVALID_INPUT')
  const name = fileName(req)
  if (name === undefined) return refuse(res, 400, 'INVALID_INPUT')
  if (expectsContinue(req)) res.writeContinue()
  const read = await readBody(req, MAX_FILE_BYTES)
  if (!read.ok) {
    if (read.reason === 'aborted') return void res.destroy()
    return refuse(res, 413, 'FILE_TOO_LARGE', { Connection: 'close' })
  }
  res.removeHeader('Connection')
  try {
    sendJson(res, 200, { ok: true, value: core.files.receive(name, read.body) })
  } catch (err) {
    if (err instanceof KeyholdError) return refuse(res, 413, err.code)
    throw err
  }
}

/** RFC 5987's form of a name for Content-Disposition: any character, safely. */
const encodeDispositionName = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * `GET /files/<fileId>`: a file core made (a share file, an export), once. Its bytes are zeroed
 * once they have been handed to the connection; a second fetch finds nothing.
 */
export function handleDownload(core: KeyholdCore, fileId: string, res: ServerResponse): void {
  if (!FILE_ID.test(fileId) || !core.files.offered(fileId)) return refuse(res, 404, 'FILE_GONE')
  const file = core.files.collect(fileId)
  res.writeHead(200, {
    'Content-Type': file.mime,
    'Content-Length': file.bytes.length,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeDispositionName(file.name)}`,
    [FILE_NAME_HEADER]: encodeURIComponent(file.name),
  })
  res.end(file.bytes, () => file.bytes.fill(0))
}

