import type { EventChannel, MethodChannel } from '../../../electron/shared/channels'
import type { EventPayload, KeyholdBridge, MethodInput, MethodOutput } from '../../../electron/shared/contract'
import type { ApiError } from '../../../electron/shared/result'

/**
 * The one module through which the window reaches Keyhold. Components call these functions;
 * nothing else touches `window.keyhold` or the web bridge.
 */
let bridge: KeyholdBridge | undefined

export function setBridge(b: KeyholdBridge): void {
  bridge = b
}

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

export async function call<C extends MethodChannel>(
  channel: C,
  ...input: MethodInput<C> extends undefined ? [] : [MethodInput<C>]
): Promise<MethodOutput<C>> {
  if (!bridge) throw new CallError({ code: 'NOT_AUTHORIZED', message: 'Keyhold is still starting.' })
  const result = await bridge.invoke(channel, ...input)
  if (!result.ok) throw new CallError(result.error)
  return result.value
}

export function subscribe<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge ? bridge.on(event, listener) : () => undefined
}

export function errorOf(err: unknown): ApiError {
  if (err instanceof CallError) return err.field === undefined ? { code: err.code, message: err.message } : { code: err.code, message: err.message, field: err.field }
  return { code: 'INTERNAL', message: 'Something went wrong inside Keyhold. Nothing was changed; please try again.' }
}
