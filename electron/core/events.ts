import type { EventChannel } from '../shared/channels'
import type { EventPayload } from '../shared/contract'

type Listener = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void

/** Core's events, for a host to forward to its window. Payloads never carry a secret. */
export class CoreEvents {
  private readonly listeners = new Set<Listener>()

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload)
  }
}
