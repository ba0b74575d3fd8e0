import type { KeyField } from '../../shared/dto'
import type { ProviderRegistry } from '../../shared/providers/registry'
import { fieldValueOf } from '../../shared/validation/field-schemas'
import { KeyholdError } from '../errors'
import type { KeyStore } from '../keys/key-store'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

/** Seconds a revealed value stays on screen before the window masks it again. */
export const REVEAL_SECONDS = 20

/** The value of one field of a key: its secret, or a field its provider marks copyable. */
function fieldValue(keys: KeyStore, registry: ProviderRegistry, id: string, field: KeyField): string {
  keys.assertNotRevoked(id)
  if (field === 'secret') return keys.readSecret(id)
  const { details } = keys.get(id)
  const value = registry.copyableField(details.provider, field) ? fieldValueOf(details, field) : undefined
  if (value === undefined) throw new KeyholdError('INVALID_INPUT', { field: 'field', message: 'This key has no such value to copy.' })
  return value
}

export function clipboardApi({ vault, clipboard, captures, providers }: ApiDeps): Implementations<
  'keyhold:keys.copy' | 'keyhold:keys.reveal' | 'keyhold:clipboard.capture' | 'keyhold:clipboard.discard'
> {
  return {
    'keyhold:keys.copy': async ({ id, field }) => {
      const value = fieldValue(vault.keys(), providers.registry, id, field)
      const { clearAfterSeconds } = await clipboard.copy(value, id, field, () => vault.activity().record('copied', id, field))
      return { keyId: id, field, clearAfterSeconds, concealed: clipboard.concealed }
    },
    'keyhold:keys.reveal': ({ id, field }) => {
      const value = fieldValue(vault.keys(), providers.registry, id, field)
      vault.activity().record('revealed', id, field)
      return { keyId: id, field, value, hideAfterSeconds: REVEAL_SECONDS }
    },
    'keyhold:clipboard.capture': async () => {
      vault.keys() // only an unlocked vault takes a pasted key
      return captures.put(await clipboard.capture())
    },
    'keyhold:clipboard.discard': ({ captureId }) => ({ discarded: captures.release(captureId) }),
  }
}
