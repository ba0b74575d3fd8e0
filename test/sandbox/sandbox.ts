import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { CONTROL_PREFIX, handleControl } from './control-api'
import { credentialIdentity, presentedSecrets } from './credentials'
import { FaultBook } from './fault-book'
import { applyFault } from './faults'
import { writeReply } from './http-util'
import { KeyBook } from './key-book'
import { listen, shutdown } from './listen'
import { Portal, PORTAL_PREFIX } from './portal/portal'
import { assertLoopback } from './loopback'
import { custom } from './providers/custom'
import type { ProviderBehaviour } from './providers/provider'
import { spreeflo } from './providers/spreeflo'
import { threadeo } from './providers/threadeo'
import { threatstop } from './providers/threatstop'
import { ReceivedLog } from './received-log'
import type { ProviderId, Sandbox } from './types'

const BEHAVIOURS: Readonly<Record<ProviderId, ProviderBehaviour>> = { threadeo, threatstop, spreeflo, custom }

export interface SandboxOptions {
  /** A 127.0.0.0/8 address; default 127.0.0.1. */
  host?: string
  /** Where the `redirect` fault points (startCatcher's url); without it that fault is refused. */
  catcherUrl?: string
}

/** A sandbox for a built-in provider, or for any provider's behaviour (a test-only provider brings its own). */
export async function startSandbox(which: ProviderId | ProviderBehaviour, options: SandboxOptions = {}): Promise<Sandbox> {
  const behaviour = typeof which === 'string' ? BEHAVIOURS[which] : which
  const provider = behaviour.id
  const host = options.host ?? '127.0.0.1'
  assertLoopback(host)
  const { catcherUrl } = options
  if (catcherUrl !== undefined) assertLoopback(new URL(catcherUrl).hostname)

  const keys = new KeyBook(behaviour)
  const faults = new FaultBook(catcherUrl !== undefined)
  const log = new ReceivedLog()
  const closing = new AbortController()
  let origin = ''
  let closed: Promise<void> | undefined
  const portal = behaviour.portal ? new Portal(behaviour.portal, keys, () => origin) : undefined
  const isPortal = (path: string) => path === PORTAL_PREFIX || path.startsWith(`${PORTAL_PREFIX}/`) || path.startsWith(`${PORTAL_PREFIX}?`)

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = req.url ?? '/'
    if (path.startsWith(CONTROL_PREFIX)) return handleControl(req, res, sandbox)
    // A person's pages, not the API: neither logged as a credential received nor subject to faults.
    if (portal && isPortal(path)) return portal.handle(req, res)
    log.record(provider, req)
    const requestId = randomUUID()
    const fault = faults.take(credentialIdentity(req), presentedSecrets(req))
    const ctx = { catcherUrl, closing: closing.signal, requestId, errorBody: behaviour.errorBody }
    if (fault !== undefined && (await applyFault(fault, req, res, ctx))) return
    // Concatenated, not resolved: a path like `//elsewhere/x` must stay a path on this origin.
    const url = path.startsWith('/') ? new URL(origin + path) : undefined
    if (url === undefined) {
      res.writeHead(400).end()
      return
    }
    writeReply(res, behaviour.answer({ req, url, requestId, keys, baseUrl: origin + behaviour.basePath }))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (closing.signal.aborted) return void res.destroy()
      console.error(`[sandbox ${provider}]`, err)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"sandbox failure"}')
      else res.destroy()
    })
  })
  const port = await listen(server, host)
  origin = `http://${host}:${port}`

  const sandbox: Sandbox = {
    provider,
    url: origin + behaviour.basePath,
    portalUrl: portal ? origin + PORTAL_PREFIX : undefined,
    addKey: (key) => keys.add(key),
    revoke: (secret) => keys.revoke(secret),
    expire: (secret) => keys.expire(secret),
    setFaults: (rules) => faults.set(rules),
    received: log.entries,
    requestCount: () => log.entries.length,
    waitForRequests: (count) => log.waitFor(count),
    close() {
      closed ??= (async () => {
        closing.abort()
        log.close()
        await shutdown(server)
      })()
      return closed
    },
  }
  return sandbox
}
