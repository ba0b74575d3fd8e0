import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { mimeTypeOf } from '../shared/mime-types'
import { CONTENT_SECURITY_POLICY } from '../shared/security'
import { APP_HOST, APP_SCHEME } from './app-origin'

export { mimeTypeOf as mimeTypeFor }

/**
 * Maps an app:// URL to a file inside `root`, or null when it could point anywhere else. Chromium
 * already normalises `..` in standard-scheme URLs, but encoded separators (`..%2f`, `..%5c`) only
 * appear after decoding, so every decoded segment is checked again here. A `%` left after
 * decoding is refused too: built asset names never contain one, and it would only matter to
 * something that decodes twice.
 */
export function resolveAppFile(root: string, rawUrl: string): string | null {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path === '/' || path === '') path = '/index.html'
  const segments = path.split('/').slice(1)
  const unsafe = (s: string) => s === '' || s === '.' || s === '..' || /[\\:%\0]/.test(s)
  if (segments.some(unsafe)) return null
  const base = resolve(root)
  const file = resolve(base, ...segments)
  const inside = relative(base, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}

function respond(status: number, body: Buffer | null, contentType: string): Response {
  return new Response(body === null ? null : new Uint8Array(body), {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  })
}

/** The app:// handler: serves the built renderer read-only, every response under our CSP. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, null, 'text/plain; charset=utf-8')
    }
    const file = resolveAppFile(rendererDir, request.url)
    if (file === null) return respond(404, null, 'text/plain; charset=utf-8')
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      // Missing files and folders look the same to the window: not found.
      return respond(404, null, 'text/plain; charset=utf-8')
    }
    return respond(200, request.method === 'HEAD' ? null : body, mimeTypeOf(file))
  }
}
