import { z } from 'zod'
import type { ProviderDescriptor, Warning } from './providers/descriptor'
import { singleLine } from './validation/field-schemas'

/**
 * A share recorded at the provider (ThreatSTOP's Share Key): with whom and when, and when it was
 * recorded as ended. Kept inside the key's sealed meta, never in plain text: the recipient's name
 * is the person's data like the key's own name.
 */
export interface ShareRecord {
  readonly shareId: string
  /** The person it was shared with: a name or an email address, as the person typed it. */
  readonly with: string
  readonly sharedAt: number
  /** When the unshare was recorded; absent while it is shared. The key still works either way. */
  readonly unsharedAt?: number | undefined
}

/** Enough for a long working life of one key; a record beyond is refused, never another one dropped. */
export const SHARES_MAX = 100

/** Who a key is shared with: one short line, as a key's name is. */
export const shareRecipientSchema = singleLine(200).refine((v) => v.trim().length > 0, { message: 'required' })

export const shareRecordSchema = z.strictObject({
  shareId: z.uuid(),
  with: z.string().max(200),
  sharedAt: z.number().int().nonnegative(),
  unsharedAt: z.number().int().nonnegative().optional(),
})

/** Whether the provider shares keys in its own portal, so Keyhold records those shares. */
export function recordsShares(descriptor: ProviderDescriptor): boolean {
  return descriptor.guides.share.some((step) => step.action === 'record-share')
}

/** The shares still open: a revoked key's are history, no longer a share (the key is dead). */
export function openShares(shares: readonly ShareRecord[], revokedAt: number | null): readonly ShareRecord[] {
  return revokedAt === null ? shares.filter((s) => s.unsharedAt === undefined) : []
}

/**
 * What the provider's documents say must be known at the moment a share or an unshare is
 * recorded, in their own words: unsharing does not invalidate the key (only deleting it does);
 * sharing does not change its permissions, and it stays valid only for the organization that
 * created it.
 */
export function shareWarnings(descriptor: ProviderDescriptor, moment: 'share' | 'unshare'): readonly Warning[] {
  const sharing = descriptor.constraints.providerSharing
  if (!sharing) return []
  const unsharing: Warning = { level: 'danger', title: 'Unsharing does not invalidate the key', text: sharing.unsharingDoesNotInvalidate }
  if (moment === 'unshare') return [unsharing]
  const owned = descriptor.constraints.ownedBy
  return [
    { level: 'caution', title: 'Sharing does not change the key’s permissions', text: sharing.text },
    ...(owned ? [{ level: 'info', title: 'The key stays with its organization', text: owned } as const] : []),
    unsharing,
  ]
}
