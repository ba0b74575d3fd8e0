import { keyLimits } from '../keys/limits'
import { parseDetails, resolveSecret } from '../keys/validate-key'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

/**
 * What the add wizard asks before anything is saved: does the key work, and do the provider's
 * rules allow another one. A pasted secret stays held (not released) for the save that follows.
 */
export function beforeSavingApi({ vault, checks, captures, providers }: ApiDeps): Implementations<'keyhold:keys.probe' | 'keyhold:keys.limits'> {
  return {
    'keyhold:keys.probe': async (input) => {
      vault.keys() // only an unlocked vault sends a key anywhere
      const details = parseDetails(providers.registry, input.details)
      const { secret } = resolveSecret(input, captures)
      return checks.probe(details, secret as string)
    },
    'keyhold:keys.limits': ({ details, excludeId }) => keyLimits(vault.keys(), providers.registry, details, excludeId),
  }
}
