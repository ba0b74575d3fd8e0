import { SseParser, type ServerEvent } from '../../renderer/src/bridge/sse-parser'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
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
  options: Pick<WebHostOptions, 'sessionIdleMs' | 'onSessionEnded'> & { idleLockMs?: number } = {},
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
