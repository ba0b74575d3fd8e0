import type { Outcome } from '../../shared/checks'
import type { ProviderSettings } from '../../shared/dto'
import type { ProviderId } from '../../shared/providers'
import type { KeyMeta } from '../keys/record-codec'
import { customProfile } from './custom'
import type { ProviderProfile } from './profile'
import { spreefloProfile } from './spreeflo'
import { threadeoProfile } from './threadeo'
import { threatstopProfile } from './threatstop'

export const PROFILES: Readonly<Record<ProviderId, ProviderProfile>> = {
  threadeo: threadeoProfile,
  threatstop: threatstopProfile,
  spreeflo: spreefloProfile,
  custom: customProfile,
}

export function checkSentence(outcome: Outcome, meta: KeyMeta): string {
  return PROFILES[meta.details.provider].sentence(outcome, meta)
}

/**
 * The real endpoints. Threadeo's and Spreeflo's check requests are assumptions until confirmed
 * against a real account (providers.md §2–3), so the window marks them unconfirmed and editable.
 */
export const DEFAULT_PROVIDER_SETTINGS: ProviderSettings = {
  threadeoBaseUrl: 'https://{tenant}.threadeo.com',
  threadeoCheckPath: '/api/v1/me',
  threatstopBaseUrl: 'https://rest.threatstop.com/v4.0',
  spreefloBaseUrl: 'https://api.spreeflo.com/v1',
  spreefloCheckPath: '/ping',
  spreefloAuth: 'bearer',
}
