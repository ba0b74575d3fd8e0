import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { resolve, sep } from 'node:path'
import { mimeTypeOf } from '../shared/mime-types'

/**
 * Maps a request path to a file inside `root` (itself a real path), or undefined. Decoding comes
 * first, so `%2e%2e` and `%2f` are judged as the dots and slashes they stand for; then any empty,
 * dot-led (`.`, `..`, dotfiles), backslash, colon (a Windows drive) or NUL segment is refused
 * outright rather than normalised, and the result must still lie under `root`.
 */
export function staticPathFor(root: string, rawUrl: string): string | undefined {
  const rawPath = rawUrl.split('?', 1)[0] ?? ''
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return undefined
  }
  if (decoded === '/') decoded = '/index.html'
  if (!decoded.startsWith('/')) return undefined
  const segments = decoded.slice(1).split('/')
  if (segments.some((s) => s === '' || s.startsWith('.') || /[\\:\0]/.test(s))) return undefined
  const file = resolve(root, ...segments)
  return file.startsWith(root + sep) ? file : undefined
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end('Not found')
}

/** GET/HEAD of the renderer build. A symlink pointing out of `root` is refused like `..`. */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const candidate = staticPathFor(root, req.url ?? '')
  if (candidate === undefined) return notFound(res)
  let file: string
  let size: number
  try {
    file = await realpath(candidate)
    const info = await stat(file)
    if (!info.isFile() || !file.startsWith(root + sep)) return notFound(res)
    size = info.size
  } catch {
    return notFound(res)
  }
  res.writeHead(200, { 'Content-Type': mimeTypeOf(file), 'Content-Length': size })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}
