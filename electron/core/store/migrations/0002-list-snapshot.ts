import type { Migration } from './migration'

/**
 * One sealed copy of every key's list entry, written on lock. Opening 10,000 per-record blobs
 * costs ~25 µs each in Node's OpenSSL 3 (context set-up, not decryption), so unlock reads this
 * one blob instead and checks the records against it in the background.
 */
export const migration0002ListSnapshot: Migration = {
  version: 2,
  name: 'list-snapshot',
  up(db) {
    db.exec(`
      CREATE TABLE list_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        format INTEGER NOT NULL,
        blob BLOB NOT NULL,
        written_at INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
