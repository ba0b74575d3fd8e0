import type { Database, Statement } from 'better-sqlite3'
import { z } from 'zod'
import { ACTIVITY_KINDS, activityDetailSchema, type ActivityDetail, type ActivityKind } from '../../shared/activity'
import type { RecordCodec } from '../keys/record-codec'
import { LEGACY_ACTIVITY_TABLE } from '../store/migrations/0005-sealed-activity'
import { KeyholdError } from '../errors'
import { fromSqliteError } from '../store/sqlite-errors'

interface Row {
  readonly id: number
  readonly at: number
  readonly format: number
  readonly sealed: Buffer
}

export type { ActivityKind } from '../../shared/activity'

export interface ActivityEntry {
  readonly at: number
  readonly kind: ActivityKind
  readonly keyId: string | null
  readonly field: string | null
  /** Only closed words (an outcome, the names of edited parts); absent on entries from before it. */
  readonly detail: ActivityDetail | null
}

/** An entry to append: the log stamps the time. */
export type NewActivity = Omit<ActivityEntry, 'at' | 'detail'> & { readonly detail?: ActivityDetail | undefined }

export interface ActivityQuery {
  readonly keyId?: string | undefined
  readonly kinds?: readonly ActivityKind[] | undefined
  readonly limit: number
  /** Only entries written strictly before this time (ms): the next page of a timeline. */
  readonly before?: number | undefined
}

/** One row of the vault's log: readable, or found not to authenticate (moved, edited, damaged). */
export type LoggedActivity = ({ readonly damaged: false } & ActivityEntry) | { readonly damaged: true; readonly at: number }

export const ACTIVITY_FORMAT = 1

/**
 * What a sealed entry may hold, checked on the way in as well as out: `detail` is optional so the
 * entries written before it existed still read, and it takes only closed words (see
 * activityDetailSchema), so a value handed to it by mistake is refused, not stored.
 */
export const sealedEntrySchema = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS),
  keyId: z.string().nullable(),
  field: z.string().nullable(),
  detail: activityDetailSchema.optional(),
})
type SealedEntry = z.input<typeof sealedEntrySchema>

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

  record(kind: ActivityKind, keyId: string | null, field: string | null = null, detail?: ActivityDetail): void {
    this.recordAll([{ kind, keyId, field, detail }])
  }

  /**
   * Appends many entries in one transaction (a batch of "check all" results). Called inside
   * another transaction (see `together`) it joins that one: the entries and the action they
   * describe are stored, or neither is.
   */
  recordAll(entries: readonly NewActivity[]): void {
    if (entries.length === 0) return
    const at = this.now()
    try {
      this.db.transaction(() => {
        for (const e of entries) this.append(at, { kind: e.kind, keyId: e.keyId, field: e.field, ...(e.detail ? { detail: e.detail } : {}) })
      })()
    } catch (err) {
      throw fromSqliteError(err)
    }
  }

  /** Runs `action` in one transaction of this vault's database, so entries it records commit with it. */
  together<T>(action: () => T): T {
    try {
      return this.db.transaction(action)()
    } catch (err) {
      throw fromSqliteError(err)
    }
  }

  forKey(keyId: string): ActivityEntry[] {
    const mine: ActivityEntry[] = []
    for (const entry of this.all()) if (!entry.damaged && entry.keyId === keyId) mine.push(entry)
    return mine.map(({ at, kind, keyId: k, field, detail }) => ({ at, kind, keyId: k, field, detail }))
  }

  /**
   * Newest first, up to `limit`, reading back only as far as it must. A damaged entry cannot say
   * which key or kind it was, so it is listed (as damaged) in the vault's timeline and left out of
   * a key's; it is never dropped from the vault's.
   */
  list(query: ActivityQuery): LoggedActivity[] {
    const rows = this.db
      .prepare(`SELECT id, at, format, sealed FROM activity ${query.before === undefined ? '' : 'WHERE at < ?'} ORDER BY id DESC`)
      .iterate(...(query.before === undefined ? [] : [query.before])) as IterableIterator<Row>
    const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : null
    const out: LoggedActivity[] = []
    for (const row of rows) {
      if (out.length >= query.limit) break
      const entry = this.open(row)
      if (entry.damaged) {
        if (query.keyId === undefined) out.push(entry)
        continue
      }
      if (query.keyId !== undefined && entry.keyId !== query.keyId) continue
      if (kinds && !kinds.has(entry.kind)) continue
      out.push(entry)
    }
    return out
  }

  /** The vault's whole log, oldest first; an entry that does not authenticate is marked, not dropped. */
  all(): LoggedActivity[] {
    const rows = this.db.prepare('SELECT id, at, format, sealed FROM activity ORDER BY id').all() as Row[]
    return rows.map((row) => this.open(row))
  }

  private open(row: Row): LoggedActivity {
    if (row.format !== ACTIVITY_FORMAT) return { damaged: true, at: row.at }
    try {
      const e = sealedEntrySchema.parse(this.codec.openJson(aadLabel(row.id, row.at), row.sealed))
      return { damaged: false, at: row.at, kind: e.kind, keyId: e.keyId, field: e.field, detail: e.detail ?? null }
    } catch {
      return { damaged: true, at: row.at }
    }
  }

  private append(at: number, entry: SealedEntry, id = this.nextId.get() as number): void {
    // Parsed before sealing: an entry with anything but the schema's closed words is never written.
    const checked = sealedEntrySchema.safeParse(entry)
    if (!checked.success) throw new KeyholdError('INTERNAL', { message: 'An activity entry was not in a form Keyhold stores; it was not saved.' })
    this.insert.run(id, at, ACTIVITY_FORMAT, this.codec.sealJson(aadLabel(id, at), checked.data))
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
