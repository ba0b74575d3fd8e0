import type { KeyField } from '../../shared/dto'
import { KeyholdError } from '../errors'
import type { KeyStore } from '../keys/key-store'
import type { CaptureStore } from './captures'

/** The value of one field of a key: its secret, or the API key Threadeo pairs with it. */
export function fieldValue(keys: KeyStore, id: string, field: KeyField): string {
  if (field === 'secret') return keys.readSecret(id)
  const details = keys.get(id).details
  if (details.provider === 'threadeo') return details.apiKey
  throw new KeyholdError('INVALID_INPUT', { field: 'field', message: 'This key has no separate API key to copy.' })
}

/**
 * Replaces `secretCaptureId` with the value "Paste from clipboard" holds for it, so the key is
 * validated and stored as if typed, without the value ever passing through the window.
 */
export function withCapturedSecret(input: unknown, captures: CaptureStore): { input: unknown; captureId: string | undefined } {
  if (typeof input !== 'object' || input === null || !('secretCaptureId' in input)) return { input, captureId: undefined }
  const { secretCaptureId, ...rest } = input as { secretCaptureId: unknown; secret?: unknown }
  if (secretCaptureId === undefined) return { input: rest, captureId: undefined }
  if (typeof secretCaptureId !== 'string' || rest.secret !== undefined) {
    throw new KeyholdError('INVALID_INPUT', { field: 'secret', message: 'Give the key either typed or pasted from the clipboard, not both.' })
  }
  return { input: { ...rest, secret: captures.take(secretCaptureId) }, captureId: secretCaptureId }
}
