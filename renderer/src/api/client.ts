import type { EventChannel, MethodChannel } from '../../../electron/shared/channels'
import type { EventPayload, KeyholdBridge, MethodInput, MethodOutput } from '../../../electron/shared/contract'
import { ERROR_MESSAGES } from '../../../electron/shared/errors'
import type { ApiError } from '../../../electron/shared/result'

/** A failed call, carrying the contract's error so forms can show it next to its field. */
export class CallError extends Error {
  readonly code: ApiError['code']
  readonly field: string | undefined

  constructor(error: ApiError) {
    super(error.message)
    this.code = error.code
    this.field = error.field
  }
}

/**
 * The one way the window reaches Keyhold: built once per window from its bridge (the preload's
 * `window.keyhold`, the web bridge, or an in-process one in tests) and handed down by the store.
 */
export interface KeyholdClient {
  call<C extends MethodChannel>(channel: C, ...input: MethodInput<C> extends undefined ? [] : [MethodInput<C>]): Promise<MethodOutput<C>>
  subscribe<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export function createClient(bridge: KeyholdBridge): KeyholdClient {
  return {
    async call(channel, ...input) {
      const result = await bridge.invoke(channel, ...input)
      if (!result.ok) throw new CallError(result.error)
      return result.value
    },
    subscribe: (event, listener) => bridge.on(event, listener),
  }
}

export function errorOf(err: unknown): ApiError {
  if (err instanceof CallError) return err.field === undefined ? { code: err.code, message: err.message } : { code: err.code, message: err.message, field: err.field }
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
}
