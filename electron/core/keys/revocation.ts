import type { CheckRecord, RevocationResult } from '../../shared/dto'
import type { ActivityLog } from '../activity/activity-log'
import type { CheckRunner } from '../checks/check-runner'
import type { CheckStore } from '../checks/check-store'
import type { CoreProviders } from '../providers/registry'
import type { KeyStore } from './key-store'

export interface RevocationDeps {
  readonly keys: () => KeyStore
  readonly checks: () => CheckStore
  readonly runner: CheckRunner
  readonly providers: CoreProviders
  readonly activity: () => ActivityLog
}

export const STILL_WORKS_SENTENCE = 'This key still works — it was not revoked. Nothing was wiped.'
export const UNCLEAR_SENTENCE =
  'Keyhold could not tell whether the key is revoked, so nothing was changed. Check again later.'

/**
 * Verifies a revocation the person made at the provider: one check now, read through the
 * provider's profile. Only a confirmed rejection wipes the secret (and archives the record, its
 * history kept); "still works" and "could not tell" change nothing.
 */
export async function verifyRevoked(deps: RevocationDeps, id: string): Promise<RevocationResult> {
  const keys = deps.keys()
  keys.assertNotRevoked(id)
  const { details } = keys.get(id)
  // Read before the check below is stored: only an earlier answer can say the key once worked here.
  const workedBefore = deps
    .checks()
    .history(id)
    .some((c) => c.outcome === 'valid' || c.outcome === 'limited')
  const check: CheckRecord = await deps.runner.checkOne(id)
  const verdict = deps.providers.revocation(details, check.outcome, workedBefore)
  if (verdict === 'still-works') return { verdict, check, revokedAt: null, sentence: STILL_WORKS_SENTENCE }
  if (verdict === 'unclear') return { verdict, check, revokedAt: null, sentence: `${UNCLEAR_SENTENCE} (${check.sentence})` }
  const log = deps.activity()
  const { revokedAt } = deps.keys().markRevoked(id, () => log.record('revoked', id, null, { outcome: check.outcome }))
  const reason = deps.providers.revokedReason(details, check.outcome)
  const sentence = `Revoked — verified: the provider now refuses this key, and its secret was wiped from the vault.${reason ? ` ${reason}` : ''}`
  return { verdict, check, revokedAt, sentence }
}
