import { createServer } from 'node:http'
import { listen, shutdown } from './listen'
import { assertLoopback } from './loopback'
import { ReceivedLog } from './received-log'
import type { Catcher } from './types'

/**
 * "Another host" for redirect faults: a different loopback address than the sandboxes, so a
 * client that compares hosts sees a foreign one. Records everything that reaches it.
 */
export const CATCHER_HOST = '127.0.0.2'

export async function startCatcher(options: { host?: string } = {}): Promise<Catcher> {
  const host = options.host ?? CATCHER_HOST
  assertLoopback(host)
  const log = new ReceivedLog()
  const server = createServer((req, res) => {
    log.record('catcher', req)
    req.resume()
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{"caught":true}')
  })
  let port: number
  let boundHost = host
  try {
    port = await listen(server, host)
  } catch (err) {
    // macOS routes only 127.0.0.1 on lo0 unless aliased; there the catcher is another port instead.
    if (options.host !== undefined || (err as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw err
    boundHost = '127.0.0.1'
    port = await listen(server, boundHost)
  }
  let closed: Promise<void> | undefined
  return {
    url: `http://${boundHost}:${port}`,
    received: log.entries,
    close() {
      log.close()
      closed ??= shutdown(server)
      return closed
    },
  }
}
