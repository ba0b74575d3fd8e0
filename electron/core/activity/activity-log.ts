import type { Database, Statement } from 'better-sqlite3'
import { z } from 'zod'
import type { RecordCodec } from '../keys/record-codec'
import { LEGACY_ACTIVITY_TABLE } from '../store/migrations/0005-sealed-activity'
import { fromSqliteError } from '../store/sqlite-errors'

export type ActivityKind = 'copied' | 'revealed' | 'captured'

export interface ActivityEntry {
  readonly at: number
  readonly kind: ActivityKind
  readonly keyId: string | null
  readonly field: string | null
}

/** One row of the vault's log: readable, or found not to authenticate (moved, edited, damaged). */
export type LoggedActivity = ({ readonly damaged: false } & ActivityEntry) | { readonly damaged: true; readonly at: number }

export const ACTIVITY_FORMAT = 1

const ACTIVITY_KINDS = ['copied', 'revealed', 'captured'] as const satisfies readonly ActivityKind[]
const sealedEntrySchema = z.strictObject({ kind: z.enum(ACTIVITY_KINDS), keyId: z.string().nullable(), field: z.string().nullable() })
type SealedEntry = z.output<typeof sealedEntrySchema>

/** Binds an entry's blob to its format, row id and time (the codec adds the vault id). */
function aadLabel(id: number, at: number): string {
  return `activity|f${ACTIVITY_FORMAT}|${id}|${at}`
}

/**
 * Append-only (the table's triggers refuse UPDATE and DELETE); no entry holds a value. Each entry
 * is sealed under the vault key. The key id is sealed too, which leaves no index by key: `forKey`
 * opens the whole log (~11 µs an entry), affordable for a per-key timeline opened on demand, and
 * it keeps the log from saying, to someone with only the file, which key was copied when.
 */
export class ActivityLog {
  private readonly insert: Statement
  private readonly nextId: Statement

  constructor(
    private readonly db: Database,
    private readonly codec: RecordCodec,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare('INSERT INTO activity (id, at, format, sealed) VALUES (?, ?, ?, ?)')
    // AUTOINCREMENT never reuses an id, so the id named in the AAD is this row's for good.
    // max(id) as well: a file whose sqlite_sequence row was lost must not make every append collide.
    this.nextId = db
      .prepare("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'activity'), 0), coalesce((SELECT max(id) FROM activity), 0)) + 1")
      .pluck()
    this.sealLegacyEntries()
  }

  record(kind: ActivityKind, keyId: string | null, field: string | null = null): void {
    const at = this.now()
    try {
      this.db.transaction(() => this.append(at, { kind, keyId, field }))()
    } catch (err) {
      throw fromSqliteError(err)
    }
  }

  forKey(keyId: string): ActivityEntry[] {
    const mine: ActivityEntry[] = []
    for (const entry of this.all()) if (!entry.damaged && entry.keyId === keyId) mine.push(entry)
    return mine.map(({ at, kind, keyId: k, field }) => ({ at, kind, keyId: k, field }))
  }

  /** The vault's whole log, oldest first; an entry that does not authenticate is marked, not dropped. */
  all(): LoggedActivity[] {
    const rows = this.db.prepare('SELECT id, at, format, sealed FROM activity ORDER BY id').all() as {
      id: number
      at: number
      format: number
      sealed: Buffer
    }[]
    return rows.map((row): LoggedActivity => {
      if (row.format !== ACTIVITY_FORMAT) return { damaged: true, at: row.at }
      try {
        const e = sealedEntrySchema.parse(this.codec.openJson(aadLabel(row.id, row.at), row.sealed))
        return { damaged: false, at: row.at, kind: e.kind, keyId: e.keyId, field: e.field }
      } catch {
        return { damaged: true, at: row.at }
      }
    })
  }

  private append(at: number, entry: SealedEntry, id = this.nextId.get() as number): void {
    this.insert.run(id, at, ACTIVITY_FORMAT, this.codec.sealJson(aadLabel(id, at), entry))
  }

  /**
   * Seals the rows a vault from before migration 0005 logged in the clear, keeping their ids and
   * times, and drops the old table (secure_delete zeroes its pages), all in one transaction: a
   * failure leaves the old rows for the next unlock. Migrations cannot do this: they run before
   * the vault key is known.
   */
  private sealLegacyEntries(): void {
    const legacy = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(LEGACY_ACTIVITY_TABLE)
    if (!legacy) return
    const rows = this.db.prepare(`SELECT id, at, kind, key_id, field FROM ${LEGACY_ACTIVITY_TABLE} ORDER BY id`).all() as {
      id: number
      at: number
      kind: ActivityKind
      key_id: string | null
      field: string | null
    }[]
    try {
      this.db.transaction(() => {
        for (const r of rows) this.append(r.at, { kind: r.kind, keyId: r.key_id, field: r.field }, r.id)
        this.db.exec(`DROP TABLE ${LEGACY_ACTIVITY_TABLE}`)
      })()
    } catch (err) {
      throw fromSqliteError(err)
    }
  }
}
