import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppProtocolHandler, mimeTypeFor, resolveAppFile } from '../../../electron/main/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/security'

const SECRET = 'SECRET-outside-the-renderer-folder'
let base: string
let root: string
let serve: (request: Request) => Promise<Response>

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'keyhold-protocol-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Keyhold</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(base, 'secret.txt'), SECRET)
  writeFileSync(join(base, 'renderer-secret.txt'), SECRET)
  serve = createAppProtocolHandler(root)
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => serve(new Request(url, { method }))

describe('the app:// protocol handler', () => {
  it.each([
    ['app://keyhold/index.html', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://keyhold/', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://keyhold/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://keyhold/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
  ])('serves %s as %s under our CSP', async (url, type, start) => {
    const response = await get(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await response.text()).startsWith(start)).toBe(true)
  })

  it('names the MIME type of every asset kind a Vite build emits', () => {
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml')
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2')
    expect(mimeTypeFor('a.png')).toBe('image/png')
    expect(mimeTypeFor('a.JSON')).toBe('application/json; charset=utf-8')
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm')
    expect(mimeTypeFor('no-extension')).toBe('application/octet-stream')
  })

  const TRAVERSALS = [
    'app://keyhold/../../etc/passwd',
    'app://keyhold/../secret.txt',
    'app://keyhold/%2e%2e/%2e%2e/etc/passwd',
    'app://keyhold/%2E%2E/secret.txt',
    'app://keyhold/..%2f..%2fetc%2fpasswd',
    'app://keyhold/..%2fsecret.txt',
    'app://keyhold/%2e%2e%2fsecret.txt',
    'app://keyhold/assets/..%2F..%2Fsecret.txt',
    'app://keyhold/..%5csecret.txt',
    'app://keyhold/%2e%2e%5csecret.txt',
    'app://keyhold/%252e%252e%252fsecret.txt',
    'app://keyhold//etc/passwd',
    'app://keyhold/%2fetc%2fpasswd',
    'app://keyhold/C:%5cWindows%5cwin.ini',
    'app://keyhold/index.html%00.js',
    'app://keyhold/%E0%A4%A',
    'app://keyhold/..%2f%2e%2e%2frenderer-secret.txt',
  ]

  it.each(TRAVERSALS)('refuses %s: not found, nothing from outside the folder', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).not.toContain(SECRET)
  })

  it.each(TRAVERSALS.filter((u) => /%(2f|5c|00|252e|e0)/i.test(u)))('maps the encoded %s to no file at all', (url) => {
    expect(resolveAppFile(root, url)).toBeNull()
  })

  it.each(['app://other/index.html', 'app://keyhold:8080/index.html', 'file:///etc/passwd', 'https://keyhold/index.html'])(
    'serves nothing for %s, which is not our origin',
    async (url) => {
      expect(resolveAppFile(root, url)).toBeNull()
    },
  )

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await get('app://keyhold/missing.js')).status).toBe(404)
    expect((await get('app://keyhold/assets')).status).toBe(404)
  })

  it('is read-only: no POST, and HEAD carries no body', async () => {
    expect((await get('app://keyhold/index.html', 'POST')).status).toBe(405)
    const head = await get('app://keyhold/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
