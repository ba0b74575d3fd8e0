import { migration0001Init } from './0001-init'
import { migration0002ListSnapshot } from './0002-list-snapshot'
import { migration0003ChecksSettings } from './0003-checks-settings'
import { migration0004Activity } from './0004-activity'
import { migration0005SealedActivity } from './0005-sealed-activity'
import { migration0006RevokedAt } from './0006-revoked-at'
import { migration0007SharingIdentity } from './0007-sharing-identity'
import type { Migration } from './migration'

export type { Migration } from './migration'

/** Every migration, in order. A new one is appended here and gets its own test. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001Init,
  migration0002ListSnapshot,
  migration0003ChecksSettings,
  migration0004Activity,
  migration0005SealedActivity,
  migration0006RevokedAt,
  migration0007SharingIdentity,
]
