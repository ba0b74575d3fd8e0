import type { Database } from 'better-sqlite3'
import type { Migration } from './migration'

/** The plaintext log of 0004, kept under this name until the first unlock seals its rows. */
export const LEGACY_ACTIVITY_TABLE = 'activity_plain'

/**
 * The activity log, sealed like records: in the clear only the row id, the time and the entry's
 * format. What happened, to which key and which field sit inside `sealed`, whose AAD names the row
 * id and time, so a blob moved to another row (or a row's time edited) no longer authenticates.
 *
 * Migrations run before the password is known, so this step only moves the old rows aside; the
 * activity log seals them, in one transaction, at the first unlock (see ActivityLog).
 *
 * Append-only is the store's own rule, not only the code's: UPDATE and DELETE are refused by
 * triggers, whoever holds the handle.
 */
export const migration0005SealedActivity: Migration = {
  version: 5,
  name: 'sealed-activity',
  up(db) {
    db.exec(`
      DROP INDEX activity_by_key;
      ALTER TABLE activity RENAME TO ${LEGACY_ACTIVITY_TABLE};
      CREATE TABLE activity (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        format INTEGER NOT NULL,
        sealed BLOB NOT NULL
      ) STRICT;
    `)
    createAppendOnlyTriggers(db)
  },
}

export function createAppendOnlyTriggers(db: Database): void {
  db.exec(`
    CREATE TRIGGER IF NOT EXISTS activity_no_update BEFORE UPDATE ON activity
      BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS activity_no_delete BEFORE DELETE ON activity
      BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END;
  `)
}
