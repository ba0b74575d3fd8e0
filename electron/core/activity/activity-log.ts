import type { Database, Statement } from 'better-sqlite3'

export type ActivityKind = 'copied' | 'revealed' | 'captured'

export interface ActivityEntry {
  readonly at: number
  readonly kind: ActivityKind
  readonly keyId: string | null
  readonly field: string | null
}

/** Append-only: entries are added, never changed; none holds a value. */
export class ActivityLog {
  private readonly insert: Statement

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare('INSERT INTO activity (at, kind, key_id, field) VALUES (?, ?, ?, ?)')
  }

  record(kind: ActivityKind, keyId: string | null, field: string | null = null): void {
    this.insert.run(this.now(), kind, keyId, field)
  }

  forKey(keyId: string): ActivityEntry[] {
    return (this.db.prepare('SELECT at, kind, key_id, field FROM activity WHERE key_id = ? ORDER BY id').all(keyId) as {
      at: number
      kind: ActivityKind
      key_id: string | null
      field: string | null
    }[]).map((r) => ({ at: r.at, kind: r.kind, keyId: r.key_id, field: r.field }))
  }
}
