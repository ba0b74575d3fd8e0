import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { ConnectionLimits } from './connection-limits'

interface Tracked {
  /** Requests received on this socket and not yet answered (more than one only when pipelined). */
  inFlight: number
}

/**
 * Holds the host to `maxConnections` open sockets.
 *
 * Why not `server.maxConnections`: at its cap Node drops every NEW connection, so whoever floods the
 * host with idle sockets first locks out the person's browser, which is exactly the attack. Here a
 * new connection at the cap closes the OLDEST IDLE one instead (idle: no request in flight; a
 * socket that has sent nothing, or only part of a head, is idle). The flood then mostly evicts
 * itself, and a browser's next connection always gets in and is served: it sends its request at
 * once, which makes it busy and unevictable until answered. A busy socket is never evicted (the
 * page's event stream stays busy as long as it is open), so a call in flight is never cut. Only
 * when every open socket is busy is the new one refused; each busy socket is bounded by the
 * request timeout or belongs to the one session, so that state does not last. (A client that asks
 * for a static file and never reads it does not stay busy either: the largest asset, about
 * 400 KB, fits in loopback's socket buffers, so the answer completes anyway — measured; a
 * response of 4 MB would stall and hold its socket busy.)
 */
export function capConnections(server: Server, limits: ConnectionLimits): void {
  // Map order is the order sockets last became idle (re-inserted each time): the first idle entry
  // is the one idle longest.
  const sockets = new Map<Socket, Tracked>()

  const oldestIdle = (): Socket | undefined => {
    for (const [socket, tracked] of sockets) if (tracked.inFlight === 0) return socket
    return undefined
  }
  const forget = (socket: Socket) => void sockets.delete(socket)

  server.on('connection', (socket: Socket) => {
    if (sockets.size >= limits.maxConnections) {
      const evicted = oldestIdle()
      if (evicted === undefined) return void socket.destroy()
      // Forgotten now, not on its 'close' event: the count must be right before the next connection.
      forget(evicted)
      evicted.destroy()
    }
    sockets.set(socket, { inFlight: 0 })
    socket.once('close', () => forget(socket))
  })

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket
    const tracked = sockets.get(socket)
    if (tracked === undefined) return
    tracked.inFlight += 1
    res.once('close', () => {
      tracked.inFlight -= 1
      if (tracked.inFlight > 0 || !sockets.has(socket)) return
      sockets.delete(socket)
      sockets.set(socket, tracked)
    })
  }
  server.on('request', onRequest)
  // A request with `Expect: 100-continue` arrives through this event instead of 'request' (server.ts).
  server.on('checkContinue', onRequest)
}
