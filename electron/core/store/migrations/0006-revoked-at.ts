import type { Migration } from './migration'

/**
 * When a key's revocation was verified. A timestamp Keyhold set, not anything a person typed, so
 * it stays in the clear beside created_at and updated_at; a revoked key's `secret` is NULL.
 */
export const migration0006RevokedAt: Migration = {
  version: 6,
  name: 'revoked-at',
  up(db) {
    db.exec('ALTER TABLE keys ADD COLUMN revoked_at INTEGER')
  },
}
