import type { Migration } from './migration'

/**
 * The header row holds what unlocking needs; key rows hold only ids, timestamps, format
 * versions and sealed blobs. Everything a user typed lives inside `meta` or `secret`.
 */
export const migration0001Init: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE vault_header (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        vault_id TEXT NOT NULL,
        format INTEGER NOT NULL,
        kdf_algorithm TEXT NOT NULL,
        kdf_memory_kib INTEGER NOT NULL,
        kdf_iterations INTEGER NOT NULL,
        kdf_parallelism INTEGER NOT NULL,
        kdf_salt BLOB NOT NULL,
        wrapped_key BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE keys (
        id TEXT PRIMARY KEY,
        format INTEGER NOT NULL,
        meta BLOB NOT NULL,
        secret BLOB,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
