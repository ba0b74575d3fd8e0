import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Listens on a free port of `host` and resolves with that port. */
export function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

/** Stops accepting, ends every connection (hung and keep-alive ones too) and resolves once closed. */
export function shutdown(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err === undefined ? resolve() : reject(err)))
    server.closeAllConnections()
  })
}
