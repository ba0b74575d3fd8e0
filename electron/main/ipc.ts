import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { KeyholdCore } from '../core/keyhold-core'
import { METHOD_CHANNELS } from '../shared/channels'
import { ERROR_MESSAGES } from '../shared/errors'
import type { Result } from '../shared/result'

export type ContractIpc = Pick<IpcMain, 'handle' | 'removeHandler'>
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

const NOT_AUTHORIZED: Result<never> = {
  ok: false,
  error: { code: 'NOT_AUTHORIZED', message: ERROR_MESSAGES.NOT_AUTHORIZED },
}

// Core's handlers already answer the envelope; this only guards against a bug there turning
// into Electron's own rejection, which would carry a stack trace to the window.
const INTERNAL: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL },
}

/**
 * Binds each contract channel to its own core handler, behind the sender check. Only the
 * channels in the contract exist; nothing dispatches a method by name. Returns the unbinder.
 */
export function bindContract(ipcMain: ContractIpc, handlers: KeyholdCore['handlers'], isTrusted: SenderCheck): () => void {
  for (const channel of METHOD_CHANNELS) {
    const handler = handlers[channel]
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrusted(event)) return NOT_AUTHORIZED
      try {
        return await handler(input)
      } catch {
        return INTERNAL
      }
    })
  }
  return () => {
    for (const channel of METHOD_CHANNELS) ipcMain.removeHandler(channel)
  }
}
