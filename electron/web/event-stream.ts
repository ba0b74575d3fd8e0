import type { ServerResponse } from 'node:http'
import type { CoreEvents } from '../core/events'

export const HEARTBEAT_MS = 15_000

/**
 * Server-Sent Events for one page: every core event as `event: <channel>` / `data: <JSON>`.
 * The heartbeat keeps idle proxies and the browser from dropping a quiet stream, and makes a
 * vanished client show up as a failed write so its subscription is released.
 */
export class EventStreams {
  private readonly open = new Set<ServerResponse>()

  constructor(private readonly events: CoreEvents) {}

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    })
    // Between end() and 'close' a write would raise an error inside core's emit; skip it instead.
    const send = (text: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(text)
    }
    // A first comment flushes the headers, so the page knows it is connected before any event.
    send(': connected\n\n')
    const unsubscribe = this.events.subscribe((channel, payload) => {
      send(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`)
    })
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS)
    heartbeat.unref()
    this.open.add(res)
    res.once('close', () => {
      unsubscribe()
      clearInterval(heartbeat)
      this.open.delete(res)
    })
  }

  closeAll(): void {
    for (const res of this.open) res.end()
  }
}
