import type { IncomingMessage } from 'node:http'
import { allHeaders, headerValue } from './http-util'
import type { ReceivedCredential } from './types'

/** Every request as it arrived, with waiters so a test can await "n requests" instead of sleeping. */
export class ReceivedLog {
  readonly entries: ReceivedCredential[] = []
  #waiters: { count: number; resolve: () => void; reject: (err: Error) => void }[] = []

  record(provider: ReceivedCredential['provider'], req: IncomingMessage): void {
    const authorization = headerValue(req, 'authorization')
    this.entries.push({
      at: Date.now(),
      provider,
      host: headerValue(req, 'host') ?? '',
      path: req.url ?? '',
      ...(authorization === undefined ? {} : { authorization }),
      headers: allHeaders(req),
    })
    this.#waiters = this.#waiters.filter((w) => {
      if (this.entries.length < w.count) return true
      w.resolve()
      return false
    })
  }

  waitFor(count: number): Promise<void> {
    if (this.entries.length >= count) return Promise.resolve()
    return new Promise((resolve, reject) => this.#waiters.push({ count, resolve, reject }))
  }

  /** Fails every pending wait: the server is gone, so the count can never be reached. */
  close(): void {
    for (const w of this.#waiters) w.reject(new Error('sandbox closed before the awaited requests arrived'))
    this.#waiters = []
  }
}
