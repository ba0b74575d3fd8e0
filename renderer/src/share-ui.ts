import type { ShareRecord } from '../../electron/shared/shares'
import { formatDate } from './dates'

/** What the window says about a key's recorded shares. */

/** The unshare's lesson, in the detail panel's words (the provider's own sentence is shown when it is recorded). */
export const UNSHARE_DOES_NOT_INVALIDATE = 'unsharing does not invalidate the key; delete (revoke) it to cut access'

/**
 * "Shared with Ada on 3 Mar 2026" while it is; "Was shared with Ada — …" once unshared, until the
 * key is revoked; a revoked key's shares are only history.
 */
export function shareLine(share: ShareRecord, revoked: boolean): string {
  if (revoked) return `Was shared with ${share.with} (from ${formatDate(share.sharedAt)}); the key is revoked`
  if (share.unsharedAt !== undefined) return `Was shared with ${share.with} — ${UNSHARE_DOES_NOT_INVALIDATE}`
  return `Shared with ${share.with} on ${formatDate(share.sharedAt)}`
}

const NAME_MAX = 200

/** "Firewall sync for Ada": a key of their own, named for them so it can be revoked on its own. */
export function dedicatedKeyName(keyName: string, recipient: string): string {
  const suffix = ` for ${recipient.trim()}`
  return `${keyName.slice(0, Math.max(1, NAME_MAX - suffix.length)).trimEnd()}${suffix}`.slice(0, NAME_MAX)
}
