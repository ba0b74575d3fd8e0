import { KeyholdError } from '../errors'
import { resolveSecret } from '../keys/validate-key'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

/**
 * The new key of a rotation takes the old one's name, details, notes, tags and expiry, with the
 * new secret; both keys' timelines name the other. The old key keeps working (and stays listed)
 * until the person revokes it at the provider and a check verifies that (keys.verifyRevoked).
 */
export function rotateApi({ vault, events, captures }: ApiDeps): Implementations<'keyhold:keys.rotate'> {
  return {
    'keyhold:keys.rotate': (input) => {
      const keys = vault.keys()
      const log = vault.activity()
      keys.assertNotRevoked(input.id)
      const old = keys.get(input.id)
      const { secret, captureId } = resolveSecret(input, captures)
      if (secret === undefined) throw new KeyholdError('SECRET_EMPTY', { field: 'secret' })
      if (secret === keys.readSecret(old.id)) {
        throw new KeyholdError('INVALID_INPUT', { field: 'secret', message: 'This is the key you already have. Paste the new one the provider just gave you.' })
      }
      let added: ReturnType<typeof keys.add> | undefined
      try {
        log.together(() => {
          added = keys.add({ name: old.name, account: old.account, notes: old.notes, tags: old.tags, expiresOn: old.expiresOn, details: old.details, secret })
          log.record('created', added.id, null, { replaces: old.id })
          if (captureId !== undefined) log.record('captured', added.id, 'secret')
          log.record('rotated', old.id, null, { replacedBy: added.id })
        })
      } catch (err) {
        if (added) {
          try {
            keys.delete(added.id)
          } catch {
            // The rollback already took the row back.
          }
        }
        throw err
      }
      const stored = added as NonNullable<typeof added>
      if (captureId !== undefined) captures.release(captureId)
      events.emit('keyhold:keys.changed', { ids: [stored.id, old.id] })
      return stored
    },
  }
}
