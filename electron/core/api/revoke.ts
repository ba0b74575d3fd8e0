import { verifyRevoked } from '../keys/revocation'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

export function revokeApi({ vault, events, checks, providers }: ApiDeps): Implementations<'keyhold:keys.verifyRevoked'> {
  return {
    'keyhold:keys.verifyRevoked': async ({ id }) => {
      const result = await verifyRevoked({ keys: () => vault.keys(), checks: () => vault.checks(), runner: checks, providers, activity: () => vault.activity() }, id)
      if (result.revokedAt !== null) events.emit('keyhold:keys.changed', { ids: [id] })
      return result
    },
  }
}
