import type { Migration } from './migration'

/**
 * Check history and settings. A check's outcome, status and latency are Keyhold's own findings,
 * not anything a person typed, so they stay queryable; the provider's request id and error
 * detail are sealed with the rest of the vault's content.
 */
export const migration0003ChecksSettings: Migration = {
  version: 3,
  name: 'checks-settings',
  up(db) {
    db.exec(`
      CREATE TABLE checks (
        id TEXT PRIMARY KEY,
        key_id TEXT NOT NULL REFERENCES keys (id) ON DELETE CASCADE,
        format INTEGER NOT NULL,
        at INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        http_status INTEGER,
        latency_ms INTEGER,
        sealed BLOB NOT NULL
      ) STRICT;
      CREATE INDEX checks_by_key ON checks (key_id, at DESC);

      CREATE TABLE settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        format INTEGER NOT NULL,
        blob BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
