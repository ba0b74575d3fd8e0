import { z } from 'zod'
import { OUTCOMES } from './checks'

/** How a key was shared. */
export const SHARE_WAYS = ['provider', 'share-file'] as const
export type ShareWay = (typeof SHARE_WAYS)[number]

/** Where imported keys come from: Keyhold's own files, then other apps' (DESIGN.md, "Files in and out"). */
export const IMPORT_SOURCES = ['share-file', 'keyhold-export', 'csv', 'env', 'kdbx', 'bitwarden'] as const
export type ImportSource = (typeof IMPORT_SOURCES)[number]

/** What the activity log records (DESIGN.md, "Activity"): what happened to which key, never a value. */
export const ACTIVITY_KINDS = [
  'created',
  'captured',
  'copied',
  'revealed',
  'checked',
  'edited',
  'deleted',
  'rotated',
  'revoked',
  // Sharing and moving keys: a share recorded at the provider or sent as a share file, an unshare
  // recorded, a key brought in (by a share file, an export or another app's file). The vault's
  // own, with no key: an export made, a backup restored.
  'shared',
  'unshared',
  'imported',
  'exported',
  'restored',
  // The vault's own, with no key: when keychain unlock was turned on or off, and each unlock it did.
  'keychain-on',
  'keychain-off',
  'keychain-unlocked',
] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

/** The parts of a key an edit may change, by name: "details" stands for the provider's own fields. */
export const EDITED_PARTS = ['name', 'account', 'notes', 'tags', 'expiresOn', 'details', 'secret'] as const
export type EditedPart = (typeof EDITED_PARTS)[number]

/**
 * What an entry may add, besides its kind: a check's outcome, the names of the parts an edit
 * changed, or the other key of a rotation (by id). Closed vocabularies and ids (no free text), so
 * no value of a key, and no secret, can ever be written here by mistake: the log's sealed-entry
 * schema refuses anything else.
 */
export const activityDetailSchema = z.union([
  z.strictObject({ outcome: z.enum(OUTCOMES) }),
  z.strictObject({ changed: z.array(z.enum(EDITED_PARTS)).min(1).max(EDITED_PARTS.length).readonly() }),
  /** On the old key of a rotation ("rotated"). */
  z.strictObject({ replacedBy: z.uuid() }),
  /** On the new key of a rotation ("created"). */
  z.strictObject({ replaces: z.uuid() }),
  /** How a key was shared ("shared"): recorded at the provider, or sent as an encrypted share file. */
  z.strictObject({ via: z.enum(SHARE_WAYS) }),
  /** Where an imported key came from ("imported"), and whether it was new or brought an existing key up to date. */
  z.strictObject({ from: z.enum(IMPORT_SOURCES), result: z.enum(['added', 'updated']) }),
])
export type ActivityDetail = z.output<typeof activityDetailSchema>

/** The most entries one activity.list answers. */
export const ACTIVITY_LIST_MAX = 500

/** One entry as the window sees it, newest first; a damaged one says only when it was written. */
export type ActivityItem =
  | {
      readonly at: number
      readonly damaged: false
      readonly kind: ActivityKind
      readonly keyId: string | null
      /** The key's current name, or null when the key is gone (deleted) or was never one. */
      readonly keyName: string | null
      readonly field: string | null
      readonly detail: ActivityDetail | null
    }
  | {
      readonly at: number
      readonly damaged: true
      readonly kind: null
      readonly keyId: null
      readonly keyName: null
      readonly field: null
      readonly detail: null
    }
