// The web host's file routes (web-protocol.ts, 6): an upload lands in core's FileExchange as the
// desktop dialog's file would, a made file is fetched once, and both are behind the same Host,
// Origin and session checks as every call, with the size limit said in a sentence.
import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { MAX_FILE_BYTES } from '../../electron/shared/files'
import { FILE_NAME_HEADER, SESSION_HEADER, WEB_FILES_PATH } from '../../electron/shared/web-protocol'
import { openSession, rawRequest, startTestHost, type TestHost } from '../support/web-host'

let t: TestHost
let session: string
beforeEach(async () => {
  t = await startTestHost()
  session = await openSession(t.host)
})
afterEach(async () => {
  await t.stop()
})

const upload = (body: Buffer | string, headers: Record<string, string> = {}) =>
  fetch(new URL(WEB_FILES_PATH, t.host.origin), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/octet-stream',
      Origin: t.host.origin,
      [SESSION_HEADER]: session,
      [FILE_NAME_HEADER]: encodeURIComponent('Team keys (März).csv'),
      ...headers,
    },
    body,
  })

describe('uploading a file the person picked', () => {
  it('puts it in core by its own name and answers its reference', async () => {
    const res = await upload('name,key\nA,abc\n')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { ok: true; value: { fileId: string; name: string; size: number } }
    expect(body.value).toMatchObject({ name: 'Team keys (März).csv', size: 15 })
    expect(t.core.files.take(body.value.fileId).bytes.toString()).toBe('name,key\nA,abc\n')
  })

  it('keeps only the name when the browser sends a path', async () => {
    const res = await upload('x', { [FILE_NAME_HEADER]: encodeURIComponent('C:\\Users\\ann\\keys.env') })
    expect(((await res.json()) as { value: { name: string } }).value.name).toBe('keys.env')
  })

  it('refuses without a session, from another origin, without a name or as another type', async () => {
    expect((await upload('x', { [SESSION_HEADER]: 'A'.repeat(43) })).status).toBe(401)
    expect((await upload('x', { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await upload('x', { [FILE_NAME_HEADER]: '' })).status).toBe(400)
    expect((await upload('x', { [FILE_NAME_HEADER]: '%E0%A4%A' })).status).toBe(400)
    expect((await upload('x', { 'Content-Type': 'text/csv' })).status).toBe(415)
    expect((await fetch(new URL(WEB_FILES_PATH, t.host.origin), { headers: { [SESSION_HEADER]: session } })).status).toBe(405)
  })

  it('refuses a file over the limit from its declared length, before the body, with the sentence', async () => {
    // Headers only: the answer must come without a byte of the promised 32 MiB.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: t.host.port,
        method: 'POST',
        path: WEB_FILES_PATH,
        headers: {
          Origin: t.host.origin,
          [SESSION_HEADER]: session,
          'Content-Type': 'application/octet-stream',
          [FILE_NAME_HEADER]: 'big.kdbx',
          'Content-Length': String(MAX_FILE_BYTES + 1),
        },
      })
      req.on('response', (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      req.on('error', reject)
      req.flushHeaders()
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'FILE_TOO_LARGE', message: ERROR_MESSAGES.FILE_TOO_LARGE } })
  })

  it('cuts an undeclared (chunked) upload the moment it crosses the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 1)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_FILE_BYTES + chunk.length * 2) return controller.close()
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    const res = await fetch(new URL(WEB_FILES_PATH, t.host.origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Origin: t.host.origin, [SESSION_HEADER]: session, [FILE_NAME_HEADER]: 'stream.bin' },
      body,
      duplex: 'half',
    } as RequestInit).catch(() => undefined)
    // Either the 413 arrives, or the host closed the connection on the oversized upload.
    if (res) expect(res.status).toBe(413)
    expect(sent).toBeLessThanOrEqual(MAX_FILE_BYTES + chunk.length * 3)
  })
})

describe('downloading a file core made', () => {
  it('hands it over once, under its own name, and zeroes it after', async () => {
    const bytes = Buffer.from('age-encryption.org/v1 sealed')
    const ref = t.core.files.offer('for Ann.keyhold-share', bytes, 'application/octet-stream')
    const url = new URL(`${WEB_FILES_PATH}/${ref.fileId}`, t.host.origin)
    const res = await fetch(url, { headers: { [SESSION_HEADER]: session } })
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('age-encryption.org/v1 sealed')
    expect(decodeURIComponent(res.headers.get(FILE_NAME_HEADER) ?? '')).toBe('for Ann.keyhold-share')
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''for%20Ann.keyhold-share")
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(bytes.every((b) => b === 0)).toBe(true)
    const again = await fetch(url, { headers: { [SESSION_HEADER]: session } })
    expect(again.status).toBe(404)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('FILE_GONE')
  })

  it('refuses without a session, to another site, and for anything that is not a file id', async () => {
    const ref = t.core.files.offer('x.keyhold-export', Buffer.from('x'), 'application/octet-stream')
    const path = `${WEB_FILES_PATH}/${ref.fileId}`
    expect((await rawRequest(t.host.port, { path })).status).toBe(401)
    expect((await rawRequest(t.host.port, { path, headers: { [SESSION_HEADER]: session, 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403)
    expect((await rawRequest(t.host.port, { path: `${WEB_FILES_PATH}/../vault.keyhold`, headers: { [SESSION_HEADER]: session } })).status).toBe(404)
    // Refused requests took nothing: the file is still there for the page.
    expect(t.core.files.offered(ref.fileId)).toBe(true)
  })
})
