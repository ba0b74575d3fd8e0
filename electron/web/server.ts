import { realpathSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { KeyholdCore } from '../core/keyhold-core'
import { ERROR_MESSAGES } from '../shared/errors'
import { SESSION_IDLE_MS, WEB_API_PREFIX, WEB_EVENTS_PATH, WEB_FILES_PATH, WEB_SESSION_PATH } from '../shared/web-protocol'
import { handleApiCall } from './api-route'
import { capConnections } from './connection-cap'
import { checkingIntervalMs, connectionLimits, type ConnectionLimits } from './connection-limits'
import { EventStreams } from './event-stream'
import { handleDownload, handleUpload } from './file-routes'
import { DEFAULT_RENDERER_DIR } from './project-paths'
import { declaresBody } from './read-body'
import { bearerToken, hasOwnOrigin, isSameOriginFetch, sessionHeader, trustedHost } from './request-guards'
import { applySecurityHeaders, refuse, sendJson } from './responses'
import { Sessions, type SessionEnd } from './sessions'
import { serveStatic } from './static-files'

// Not `import { createServer } from 'node:http'`: imported as an ES module, a builtin gets a
// facade that reads every export, and node:http's WebSocket, CloseEvent and MessageEvent getters
// load all of undici (about 50 ms of the host's start, for nothing it uses). getBuiltinModule
// hands over the CommonJS exports without reading them.
const { createServer } = process.getBuiltinModule('node:http')

export const LOOPBACK_HOST = '127.0.0.1'

export interface WebHostOptions {
  readonly core: KeyholdCore
  /** The built renderer (defaults to out/renderer of this checkout). */
  readonly rendererDir?: string
  /** 0 picks a free port. */
  readonly port?: number
  /** Only 127.0.0.1 is accepted; the option exists so a caller asking for anything else fails loudly. */
  readonly host?: string
  /** How long a session may go unused before it ends (SESSION_IDLE_MS unless a test says otherwise). */
  readonly sessionIdleMs?: number
  /** Called when the window's session has ended, with the token that opens the next one. */
  readonly onSessionEnded?: (reason: SessionEnd, token: string) => void
  /** Timeouts and the connection cap (DEFAULT_CONNECTION_LIMITS unless a test says otherwise). */
  readonly connections?: Partial<ConnectionLimits>
}

export interface WebHost {
  /** `http://127.0.0.1:<port>/`, without the token. */
  readonly url: string
  readonly origin: string
  /** The one-time token the page exchanges for its session; a new one after each session ends. */
  readonly token: string
  readonly port: number
  /** Mints a new one-time token (the previous one stops working) and returns it. */
  renewToken(): string
  /** Ends event streams and closes the server; requests still in flight are cut. */
  close(): Promise<void>
}

/** The contract over loopback HTTP (electron/shared/web-protocol.ts), serving the renderer build. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, rendererDir = DEFAULT_RENDERER_DIR, port: requestedPort = 0, host = LOOPBACK_HOST, sessionIdleMs = SESSION_IDLE_MS } = options
  if (host !== LOOPBACK_HOST) throw new Error(`The web host listens on ${LOOPBACK_HOST} only.`)
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65_535) {
    throw new Error('The port must be a whole number from 0 to 65535.')
  }
  const limits = connectionLimits(options.connections)
  // Resolved once, so every served file can be checked against the real folder, symlinks included.
  const root = realpathSync(rendererDir)
  const streams = new EventStreams(core.events)
  const sessions = new Sessions(sessionIdleMs, (reason, token) => {
    // A page whose session ended must not go on hearing about the vault.
    streams.closeAll()
    options.onSessionEnded?.(reason, token)
  })
  // The vault locking itself for lack of use ends the session too: whoever finds the window
  // later needs the terminal's new address as well as the password. Deferred, so the lock's own
  // event still reaches the page before its stream is closed.
  const stopWatchingLocks = core.events.subscribe((event, payload) => {
    if (event === 'keyhold:vault.changed' && (payload as { reason?: string }).reason === 'idle') {
      setImmediate(() => sessions.end('idle-lock'))
    }
  })
  let port = requestedPort

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res)
    // A body is read only by a route that has checked who is sending it and how long it is
    // (api-route.ts lifts this once it has read the whole body). Any other answer — every
    // refusal, and whatever answers a body nobody asked for — closes the connection, so Node
    // drops the rest of the upload instead of reading it to the end to reuse the connection.
    if (declaresBody(req)) res.setHeader('Connection', 'close')
    const host = trustedHost(req, port)
    if (host === undefined) return refuse(res, 421)
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/'
    const hasSession = () => sessions.use(sessionHeader(req))

    if (path === WEB_SESSION_PATH) {
      if (req.method !== 'POST') return refuse(res, 405, 'NOT_AUTHORIZED', { Allow: 'POST' })
      if (!hasOwnOrigin(req, host)) return refuse(res, 403)
      const sessionId = sessions.exchange(bearerToken(req))
      if (sessionId === undefined) return refuse(res, 401)
      // The new session replaced any other: a window still streaming under the old one must stop
      // hearing about the vault, and on reconnecting it learns that its session has ended.
      streams.closeAll()
      // In the body, never a cookie: a 127.0.0.1 cookie would go to every other port of 127.0.0.1.
      return sendJson(res, 200, { ok: true, value: { session: sessionId } })
    }
    if (path.startsWith(WEB_API_PREFIX)) {
      if (req.method !== 'POST') return refuse(res, 405, 'NOT_AUTHORIZED', { Allow: 'POST' })
      if (!hasOwnOrigin(req, host)) return refuse(res, 403)
      if (!hasSession()) return refuse(res, 401)
      return handleApiCall(core, safeDecode(path.slice(WEB_API_PREFIX.length)), req, res)
    }
    if (path === WEB_FILES_PATH) {
      if (req.method !== 'POST') return refuse(res, 405, 'NOT_AUTHORIZED', { Allow: 'POST' })
      if (!hasOwnOrigin(req, host)) return refuse(res, 403)
      if (!hasSession()) return refuse(res, 401)
      return handleUpload(core, req, res)
    }
    if (path.startsWith(`${WEB_FILES_PATH}/`)) {
      if (req.method !== 'GET') return refuse(res, 405, 'NOT_AUTHORIZED', { Allow: 'GET' })
      if (!hasSession()) return refuse(res, 401)
      if (!isSameOriginFetch(req)) return refuse(res, 403)
      return handleDownload(core, path.slice(WEB_FILES_PATH.length + 1), res)
    }
    if (path === WEB_EVENTS_PATH) {
      if (req.method !== 'GET') return refuse(res, 405, 'NOT_AUTHORIZED', { Allow: 'GET' })
      if (!hasSession()) return refuse(res, 401)
      if (!isSameOriginFetch(req)) return refuse(res, 403)
      return streams.attach(res)
    }
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(root, req, res)
    return refuse(res, 405, 'NOT_AUTHORIZED', { Allow: 'GET, HEAD' })
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      core.logger.error('web:request', err)
      if (res.headersSent) return void res.destroy()
      sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } })
    })
  }
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: checkingIntervalMs(limits),
    },
    handle,
  )
  // Listening for it stops Node from answering `100 Continue` to everyone: the client is invited
  // to send its body only once the API route has checked Host, Origin, session and length.
  server.on('checkContinue', handle)
  // No server.timeout (socket inactivity) on top: every phase a client drives is bounded above,
  // and what is left is the host's own work (a Check may wait on a provider for minutes) and the
  // event stream, quiet between heartbeats.
  capConnections(server, limits)

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(requestedPort, LOOPBACK_HOST, () => {
      server.off('error', reject)
      port = (server.address() as AddressInfo).port
      resolve()
    })
  })

  let closing: Promise<void> | undefined
  const origin = `http://${LOOPBACK_HOST}:${port}`
  return {
    url: `${origin}/`,
    origin,
    get token() {
      return sessions.token
    },
    port,
    renewToken: () => sessions.renew(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        stopWatchingLocks()
        sessions.close()
        streams.closeAll()
        server.close(() => resolve())
        // A quitting host owes no answer to requests in flight, and a stalled client must not keep it alive.
        server.closeAllConnections()
      })
      return closing
    },
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
