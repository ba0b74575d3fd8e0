import type { Migration } from './migration'

/**
 * The vault's sharing identity: one age X25519 identity, made the first time the person shares
 * or asks for their sharing code. The identity is secret, so the row holds it sealed with the
 * vault key like every record; only when it was made stays in the clear.
 */
export const migration0007SharingIdentity: Migration = {
  version: 7,
  name: 'sharing-identity',
  up(db) {
    db.exec(`
      CREATE TABLE sharing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        format INTEGER NOT NULL,
        sealed BLOB NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
