import type { Migration } from './migration'

/**
 * The activity log's first entries: copies, reveals and captures. Append-only; what happened,
 * when and to which key — never a value. The history view arrives with the activity issue.
 */
export const migration0004Activity: Migration = {
  version: 4,
  name: 'activity',
  up(db) {
    db.exec(`
      CREATE TABLE activity (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        key_id TEXT,
        field TEXT
      ) STRICT;
      CREATE INDEX activity_by_key ON activity (key_id, at);
    `)
  },
}
