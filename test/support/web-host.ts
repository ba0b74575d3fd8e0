import { SseParser, type ServerEvent } from '../../renderer/src/bridge/sse-parser'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { startWebHost, type WebHost, type WebHostOptions } from '../../electron/web/server'
import { SESSION_HEADER, WEB_API_PREFIX, WEB_SESSION_PATH } from '../../electron/shared/web-protocol'
import { testCore } from './core'
import { tempDir } from './fixtures'

export const INDEX_HTML = '<!doctype html><html><head><title>Keyhold test page</title></head><body></body></html>'
export const APP_JS = 'document.title = "Keyhold test script"\n'
export const APP_CSS = 'body { margin: 0 }\n'

/** A tiny stand-in for the renderer build: index.html and two assets. */
export function writeRenderer(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), INDEX_HTML)
  writeFileSync(join(dir, 'assets', 'app.js'), APP_JS)
  writeFileSync(join(dir, 'assets', 'app.css'), APP_CSS)
}

export interface TestHost {
  readonly host: WebHost
  readonly core: KeyholdCore
  /** The temporary folder holding `data/` and `renderer/`. */
  readonly root: string
  readonly rendererDir: string
  stop(): Promise<void>
}

/** A real host on a free port, with a real core on a temporary data folder. */
export async function startTestHost(
  options: Pick<WebHostOptions, 'sessionIdleMs' | 'onSessionEnded' | 'connections'> & { idleLockMs?: number } = {},
): Promise<TestHost> {
  const dir = tempDir('keyhold-web-')
  const rendererDir = join(dir.path, 'renderer')
  writeRenderer(rendererDir)
  const { idleLockMs, ...hostOptions } = options
  const core = testCore(join(dir.path, 'data'), idleLockMs === undefined ? {} : { idleLockMs })
  const host = await startWebHost({ core, rendererDir, port: 0, ...hostOptions })
  return {
    host,
    core,
    root: dir.path,
    rendererDir,
    async stop() {
      await core.shutdown()
      await host.close()
      dir.remove()
    },
  }
}

export interface RawResponse {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

/**
 * One request over node:http, for what fetch will not send: an un-normalised path (`/../`), a
 * foreign Host, no Host at all. Always to 127.0.0.1.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; setHost?: boolean },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        setHost: options.setHost ?? true,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Exchanges the token; returns the session credential to send back in SESSION_HEADER. */
export async function openSession(host: WebHost): Promise<string> {
  const res = await fetch(new URL(WEB_SESSION_PATH, host.origin), {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin },
  })
  const body = (await res.json()) as { ok: boolean; value?: { session?: unknown } }
  if (res.status !== 200 || typeof body.value?.session !== 'string') throw new Error(`session exchange answered ${res.status}`)
  return body.value.session
}

/** The header that carries a session credential, as the page sends it. */
export function sessionHeaders(session: string): Record<string, string> {
  return { [SESSION_HEADER]: session }
}

/** Calls one contract method the way the page does; returns the status and the raw body text. */
export async function callApi(
  host: WebHost,
  session: string,
  channel: string,
  input?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const res = await fetch(new URL(WEB_API_PREFIX + channel, host.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: host.origin, [SESSION_HEADER]: session, ...headers },
    body: JSON.stringify(input === undefined ? {} : { input }),
  })
  return { status: res.status, text: await res.text() }
}

export type SseEvent = ServerEvent

/** Reads a Server-Sent Events body and hands out whole events (comments skipped) as they arrive. */
export class SseReader {
  // The window's own parser: the tests read the stream exactly as the window does.
  private readonly parser = new SseParser()
  private readonly pending: SseEvent[] = []
  private readonly decoder = new TextDecoder()
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader()
  }

  /** Waits, on the stream itself, for the first event `accept` takes. */
  async next(accept: (e: SseEvent) => boolean = () => true): Promise<SseEvent> {
    for (;;) {
      for (let event = this.pending.shift(); event; event = this.pending.shift()) if (accept(event)) return event
      const { value, done } = await this.reader.read()
      if (done) throw new Error('the event stream ended')
      this.pending.push(...this.parser.push(this.decoder.decode(value, { stream: true })))
    }
  }

  cancel(): Promise<void> {
    return this.reader.cancel()
  }
}

/**
 * One TCP connection to the host, driven byte by byte: for what no HTTP client will do (send
 * nothing, send a head slowly, declare a body and withhold it). Reads answers off the wire.
 */
export class RawConnection {
  readonly socket: Socket
  /** When the socket connected (the host's kernel accepted it). */
  readonly opened: Promise<void>
  /** Milliseconds from opening to the socket's 'close', whoever closed it. */
  readonly closed: Promise<number>
  /** Whether the host sent FIN or reset the socket (after which it is closed). */
  hostClosed = false
  private readonly startedAt = performance.now()
  private received = Buffer.alloc(0)
  private wake: (() => void) | undefined

  constructor(port: number) {
    this.socket = connect({ host: '127.0.0.1', port })
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve)
      this.socket.once('error', reject)
    })
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve(performance.now() - this.startedAt)))
    this.socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk])
      this.wake?.()
    })
    this.socket.on('end', () => {
      this.hostClosed = true
      this.wake?.()
    })
    // A reset from the host arrives as an error; it is a close like any other here.
    this.socket.on('error', () => {
      this.hostClosed = true
    })
    this.socket.on('close', () => this.wake?.())
  }

  /** Resolves once the bytes are handed to the kernel. */
  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(data, (err) => (err ? reject(err) : resolve())))
  }

  /** The next whole answer on the wire (a `100 Continue` counts as one); fails if the host closes first. */
  async response(): Promise<RawResponse> {
    for (;;) {
      const headEnd = this.received.indexOf('\r\n\r\n')
      if (headEnd >= 0) {
        const [statusLine = '', ...lines] = this.received.subarray(0, headEnd).toString('latin1').split('\r\n')
        const headers: Record<string, string> = {}
        for (const line of lines) {
          const colon = line.indexOf(':')
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
        }
        const length = Number(headers['content-length'] ?? 0)
        if (this.received.length >= headEnd + 4 + length) {
          const body = this.received.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8')
          this.received = this.received.subarray(headEnd + 4 + length)
          return { status: Number(statusLine.split(' ')[1]), headers, body }
        }
      }
      if (this.socket.destroyed || this.socket.readableEnded) throw new Error('the host closed the connection without an answer')
      await new Promise<void>((resolve) => (this.wake = resolve))
      this.wake = undefined
    }
  }

  destroy(): void {
    this.socket.destroy()
  }
}

/** Opens `count` connections that send nothing, `batch` at a time; resolves once all have connected. */
export async function openIdleConnections(port: number, count: number, batch = 100): Promise<RawConnection[]> {
  const all: RawConnection[] = []
  for (let i = 0; i < count; i += batch) {
    const some = Array.from({ length: Math.min(batch, count - i) }, () => new RawConnection(port))
    await Promise.all(some.map((c) => c.opened))
    all.push(...some)
  }
  return all
}

/** `promise`, or a failure naming `what` if it has not settled within `ms` (a bound, never a wait). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)
  })
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer))
}
