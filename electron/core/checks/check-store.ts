import type { Database, Statement } from 'better-sqlite3'
import { z } from 'zod'
import { OUTCOMES, type Outcome } from '../../shared/checks'
import type { CheckRecord } from '../../shared/dto'
import { KeyholdError } from '../errors'
import { RECORD_FORMAT, type RecordCodec } from '../keys/record-codec'
import { fromSqliteError } from '../store/sqlite-errors'
import { DETAIL_MAX_CHARS, REQUEST_ID_MAX_CHARS } from './provider-text'

export type StoredCheck = Omit<CheckRecord, 'sentence'>
const sealedSchema = z.strictObject({ requestId: z.string().nullable(), detail: z.string().nullable() })
type Sealed = z.output<typeof sealedSchema>

const HISTORY_LIMIT = 100

/**
 * What may be written: one of the seven outcomes and provider text already cleaned and capped.
 * Whatever a classifier returned, nothing else reaches the history or the list's badges.
 */
const storedCheckSchema = z.strictObject({
  id: z.string().min(1),
  keyId: z.string().min(1),
  at: z.number().int().nonnegative(),
  outcome: z.enum(OUTCOMES),
  httpStatus: z.number().int().min(100).max(599).nullable(),
  latencyMs: z.number().int().nonnegative().nullable(),
  requestId: z.string().max(REQUEST_ID_MAX_CHARS).nullable(),
  detail: z.string().max(DETAIL_MAX_CHARS).nullable(),
})

/** The check history: outcome, status and latency queryable; request id and detail sealed. */
export class CheckStore {
  private readonly insert: Statement
  private readonly byKey: Statement

  constructor(
    private readonly db: Database,
    private readonly codec: RecordCodec,
  ) {
    this.insert = db.prepare(
      'INSERT INTO checks (id, key_id, format, at, outcome, http_status, latency_ms, sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    this.byKey = db.prepare('SELECT id, at, outcome, http_status, latency_ms, sealed FROM checks WHERE key_id = ? ORDER BY at DESC, rowid DESC LIMIT ?')
  }

  /**
   * Stores many checks in one transaction: "check all" writes in batches, not one fsync per key.
   * `alongside` writes in the same transaction (the batch's activity entries): all or nothing.
   */
  add(records: readonly StoredCheck[], alongside?: () => void): void {
    for (const r of records) {
      if (!storedCheckSchema.safeParse(r).success) throw new KeyholdError('INTERNAL', { message: 'A check result was not in a form Keyhold stores; it was not saved.' })
    }
    try {
      this.db.transaction(() => {
        for (const r of records) {
          const sealed: Sealed = { requestId: r.requestId, detail: r.detail }
          this.insert.run(r.id, r.keyId, RECORD_FORMAT, r.at, r.outcome, r.httpStatus, r.latencyMs, this.codec.sealJson(aadLabel(r.id, r.keyId), sealed))
        }
        alongside?.()
      })()
    } catch (err) {
      throw fromSqliteError(err)
    }
  }

  history(keyId: string): StoredCheck[] {
    const rows = this.byKey.all(keyId, HISTORY_LIMIT) as { id: string; at: number; outcome: string; http_status: number | null; latency_ms: number | null; sealed: Buffer }[]
    return rows.map((row) => {
      let sealed: Sealed = { requestId: null, detail: null }
      try {
        sealed = sealedSchema.parse(this.codec.openJson(aadLabel(row.id, keyId), row.sealed))
      } catch {
        sealed = { requestId: null, detail: 'This entry of the history is damaged.' }
      }
      return {
        id: row.id,
        keyId,
        at: row.at,
        outcome: asOutcome(row.outcome),
        httpStatus: row.http_status,
        latencyMs: row.latency_ms,
        requestId: sealed.requestId,
        detail: sealed.detail,
      }
    })
  }

  /** The newest check of every key, for the list's badges. */
  latest(): Map<string, { outcome: Outcome; at: number }> {
    const rows = this.db.prepare('SELECT key_id, outcome, max(at) FROM checks GROUP BY key_id').raw().all() as [string, string, number][]
    return new Map(rows.map(([keyId, outcome, at]) => [keyId, { outcome: asOutcome(outcome), at }]))
  }
}

function aadLabel(checkId: string, keyId: string): string {
  return `check|${keyId}|${checkId}`
}

/** An outcome column edited to something else is read as `unknown`, never as `valid`. */
function asOutcome(value: string): Outcome {
  return (OUTCOMES as readonly string[]).includes(value) ? (value as Outcome) : 'unknown'
}
