import { randomUUID } from 'node:crypto'
import type { Database, Statement } from 'better-sqlite3'
import type { Outcome } from '../../shared/checks'
import type { KeyDetail, KeyListEntry, KeySummary, LastCheck } from '../../shared/dto'
import { openShares, type ShareRecord } from '../../shared/shares'
import type { CoreProviders } from '../providers/registry'
import { KeyholdError } from '../errors'
import { fromSqliteError } from '../store/sqlite-errors'
import type { KeyUpdate, NewKey } from './key-input'
import { parseStoredMeta } from './stored-meta'
import { indexKey, KeyIndex, type IndexedKey } from './key-index'
import { readSnapshot, writeSnapshot, type SnapshotEntry } from './list-snapshot'
import { RECORD_FORMAT, type KeyMeta, type RecordCodec } from './record-codec'

type RowHead = [id: string, format: number, metaTagHex: string, hasSecret: number, createdAt: number, updatedAt: number, revokedAt: number | null]

const VERIFY_CHUNK = 250

/**
 * The keys of one unlocked vault. Opening it fills an index of every key's list entry (from the
 * sealed snapshot where the rows still match it, else record by record), then re-opens every
 * record served from the snapshot in the background so a damaged one is still found and shown.
 * A secret is decrypted only by `readSecret`, for the one operation that needs it.
 */
export class KeyStore {
  private readonly index = new KeyIndex()
  private readonly stmts: { insert: Statement; update: Statement; remove: Statement; secret: Statement; revoke: Statement }
  private closed = false
  private snapshotStale = false
  /** Resolves, once every record has been opened, with the ids found damaged. */
  readonly verified: Promise<readonly string[]>

  constructor(
    private readonly db: Database,
    /** The unlocked vault's codec, shared with the check and settings stores (one key object). */
    private readonly codec: RecordCodec,
    private readonly now: () => number,
    /** Labels, search fields and check sentences of the registered providers. */
    private readonly providers: CoreProviders,
    private readonly onDamaged: (ids: readonly string[]) => void = () => undefined,
    /** The newest check of each key (from the check history), for the list's badges. */
    private readonly lastChecks: Map<string, { outcome: Outcome; at: number }> = new Map(),
  ) {
    this.stmts = {
      insert: db.prepare('INSERT INTO keys (id, format, meta, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
      update: db.prepare('UPDATE keys SET meta = ?, secret = coalesce(?, secret), updated_at = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM keys WHERE id = ?'),
      secret: db.prepare('SELECT secret FROM keys WHERE id = ?'),
      revoke: db.prepare('UPDATE keys SET secret = NULL, revoked_at = ?, updated_at = ? WHERE id = ?'),
    }
    const fromSnapshot = this.load()
    this.verified = this.verifyInBackground(fromSnapshot)
  }

  /** Returns the ids served from the snapshot, which still need their own blob opened. */
  private load(): Set<string> {
    const snapshot = readSnapshot(this.db, this.codec)
    const heads = new Map<string, RowHead>()
    const rows = this.db
      .prepare('SELECT id, format, hex(substr(meta, -16)), secret IS NOT NULL, created_at, updated_at, revoked_at FROM keys')
      .raw()
      .all() as RowHead[]
    for (const head of rows) heads.set(head[0], head)
    // Walk the snapshot in its own (sorted) order, so the index's sort finds the work done.
    const fromSnapshot = new Set<string>()
    for (const [id, snap] of snapshot) {
      const head = heads.get(id)
      if (!head) continue
      // revoked_at is read from the row, never from the snapshot: the snapshot stays a cache of meta.
      const [, format, tagHex, hasSecret, createdAt, updatedAt, revokedAt] = head
      if (format === RECORD_FORMAT && snap.updatedAt === updatedAt && snap.metaTag === tagHex) {
        this.index.put(indexKey(this.summary(id, snap.meta, hasSecret === 1, createdAt, updatedAt, revokedAt), snap.meta, snap.metaTag, this.providers.registry))
        fromSnapshot.add(id)
        heads.delete(id)
      }
    }
    if (heads.size > 0 || snapshot.size !== fromSnapshot.size) this.snapshotStale = true
    if (heads.size > 0) {
      const rows = this.db.prepare('SELECT id, format, meta, secret IS NOT NULL, created_at, updated_at, revoked_at FROM keys').raw().iterate() as IterableIterator<
        [string, number, Buffer, number, number, number, number | null]
      >
      for (const [id, format, meta, hasSecret, createdAt, updatedAt, revokedAt] of rows) {
        if (heads.has(id)) this.openRecord(id, format, meta, hasSecret === 1, createdAt, updatedAt, revokedAt)
      }
    }
    return fromSnapshot
  }

  private openRecord(id: string, format: number, blob: Buffer, hasSecret: boolean, createdAt: number, updatedAt: number, revokedAt: number | null): boolean {
    try {
      if (format !== RECORD_FORMAT) throw new KeyholdError('KEY_DAMAGED')
      const meta = parseStoredMeta(this.codec.openMeta(id, blob))
      this.index.put(indexKey(this.summary(id, meta, hasSecret, createdAt, updatedAt, revokedAt), meta, tagHex(blob), this.providers.registry))
      return true
    } catch {
      // One bad record must not cost the person every other key: it is listed as damaged.
      this.index.markDamaged(id)
      return false
    }
  }

  private async verifyInBackground(ids: Set<string>): Promise<readonly string[]> {
    const damaged: string[] = []
    if (ids.size === 0) return damaged
    const chunk = this.db.prepare('SELECT rowid, id, format, meta, updated_at FROM keys WHERE rowid > ? ORDER BY rowid LIMIT ?').raw()
    let after = 0
    for (;;) {
      // Yield between chunks: the window stays responsive while ~10,000 records are checked.
      await new Promise((resolve) => setImmediate(resolve))
      if (this.closed) return damaged
      const rows = chunk.all(after, VERIFY_CHUNK) as [number, string, number, Buffer, number][]
      if (rows.length === 0) break
      for (const [rowid, id, format, meta, updatedAt] of rows) {
        after = rowid
        const current = this.index.get(id)
        // Only what is still as the snapshot left it; anything written since was sealed by us.
        if (!ids.has(id) || !current || current.summary.updatedAt !== updatedAt) continue
        let ok = format === RECORD_FORMAT
        try {
          if (ok) parseStoredMeta(this.codec.openMeta(id, meta))
        } catch {
          ok = false
        }
        if (!ok) {
          this.index.markDamaged(id)
          damaged.push(id)
        }
      }
    }
    if (damaged.length > 0) {
      this.snapshotStale = true
      this.onDamaged(damaged)
    }
    return damaged
  }

  list(): readonly KeyListEntry[] {
    return this.index.list()
  }

  search(query: string): readonly KeyListEntry[] {
    return this.index.search(query)
  }

  get(id: string): KeyDetail {
    const entry = this.indexed(id)
    return toDetail(entry.summary, entry.meta)
  }

  add(input: NewKey): KeyDetail {
    return this.addMany([input])[0] as KeyDetail
  }

  /** Adds many keys in one transaction: all are stored, or (on any failure) none. */
  addMany(inputs: readonly NewKey[]): KeyDetail[] {
    const now = this.now()
    const prepared = inputs.map((input) => {
      const id = randomUUID()
      const meta = metaFrom(input)
      return { id, meta, metaBlob: this.codec.sealMeta(id, meta), secretBlob: this.codec.sealSecret(id, input.secret) }
    })
    this.write(() => {
      for (const p of prepared) this.stmts.insert.run(p.id, RECORD_FORMAT, p.metaBlob, p.secretBlob, now, now)
    })
    return prepared.map((p) => {
      const entry = indexKey(this.summary(p.id, p.meta, true, now, now, null), p.meta, tagHex(p.metaBlob), this.providers.registry)
      this.index.put(entry)
      return toDetail(entry.summary, p.meta)
    })
  }

  update({ id, changes }: KeyUpdate): KeyDetail {
    const current = this.indexed(id)
    // A revoked key's record is an archive: it no longer takes a secret or edits.
    if (current.summary.revokedAt !== null) throw new KeyholdError('KEY_REVOKED')
    if (changes.details && changes.details.provider !== current.meta.details.provider) {
      throw new KeyholdError('INVALID_INPUT', {
        field: 'details.provider',
        message: 'A key cannot move to another provider. Add it again under the new provider instead.',
      })
    }
    const meta: KeyMeta = {
      name: changes.name ?? current.meta.name,
      account: changes.account ?? current.meta.account,
      notes: changes.notes ?? current.meta.notes,
      tags: changes.tags ?? current.meta.tags,
      expiresOn: changes.expiresOn === undefined ? current.meta.expiresOn : changes.expiresOn,
      details: changes.details ?? current.meta.details,
      // Shares are recorded only by `changeShares`; an edit keeps them as they are.
      ...(current.meta.shares ? { shares: current.meta.shares } : {}),
    }
    // Strictly later than the last write, so the snapshot can tell the two versions apart.
    const now = Math.max(this.now(), current.summary.updatedAt + 1)
    const metaBlob = this.codec.sealMeta(id, meta)
    const secretBlob = changes.secret === undefined ? null : this.codec.sealSecret(id, changes.secret)
    this.write(() => this.stmts.update.run(metaBlob, secretBlob, now, id))
    const hasSecret = current.summary.hasSecret || secretBlob !== null
    const entry = indexKey(this.summary(id, meta, hasSecret, current.summary.createdAt, now, null), meta, tagHex(metaBlob), this.providers.registry)
    this.index.put(entry)
    return toDetail(entry.summary, meta)
  }

  /**
   * Replaces the key's recorded shares (sealed in its meta, as its name is). `alongside` (the
   * "shared" or "unshared" entry) commits with the write, or neither does. A revoked key's shares
   * are its history: they no longer change.
   */
  changeShares(id: string, change: (shares: readonly ShareRecord[], now: number) => readonly ShareRecord[], alongside?: () => void): KeyDetail {
    const current = this.indexed(id)
    if (current.summary.revokedAt !== null) throw new KeyholdError('KEY_REVOKED')
    const now = Math.max(this.now(), current.summary.updatedAt + 1)
    const meta: KeyMeta = { ...current.meta, shares: change(current.meta.shares ?? [], now) }
    const metaBlob = this.codec.sealMeta(id, meta)
    this.write(() => {
      this.stmts.update.run(metaBlob, null, now, id)
      alongside?.()
    })
    const { summary } = current
    const entry = indexKey(this.summary(id, meta, summary.hasSecret, summary.createdAt, now, null), meta, tagHex(metaBlob), this.providers.registry)
    this.index.put(entry)
    return toDetail(entry.summary, meta)
  }

  /** Records a key's newest check so its list entry shows it. */
  setLastCheck(id: string, last: { outcome: Outcome; at: number }): void {
    const entry = this.index.get(id)
    if (!entry) return
    this.lastChecks.set(id, last)
    const { summary, meta, metaTag } = entry
    this.index.put(indexKey(this.summary(id, meta, summary.hasSecret, summary.createdAt, summary.updatedAt, summary.revokedAt), meta, metaTag, this.providers.registry))
  }

  /**
   * Archives a key whose revocation a check verified: its secret is set to NULL and `revoked_at`
   * stamped in one transaction; the record and its check history stay. secure_delete (on for the
   * whole connection, set again here so this write never depends on it) zeroes the old blob's
   * bytes in its page, and a TRUNCATE checkpoint then moves the page into the file and empties
   * the WAL, whose earlier frames still held the sealed secret.
   */
  markRevoked(id: string, alongside?: () => void): KeySummary {
    const current = this.indexed(id)
    if (current.summary.revokedAt !== null) throw new KeyholdError('KEY_REVOKED')
    const now = Math.max(this.now(), current.summary.updatedAt + 1)
    this.db.pragma('secure_delete = ON')
    // `alongside` (the "revoked" activity entry) commits with the wipe, or neither does.
    this.write(() => {
      this.stmts.revoke.run(now, now, id)
      alongside?.()
    })
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)')
    } catch {
      // The wipe is committed; a checkpoint that cannot run now runs at the next one or at close.
    }
    const { meta, metaTag } = current
    const entry = indexKey(this.summary(id, meta, false, current.summary.createdAt, now, now), meta, metaTag, this.providers.registry)
    this.index.put(entry)
    return entry.summary
  }

  /** Refuses any use of a revoked key's values (copy, reveal, check) with a plain sentence. */
  assertNotRevoked(id: string): void {
    if (this.indexed(id).summary.revokedAt !== null) throw new KeyholdError('KEY_REVOKED')
  }

  private summary(id: string, meta: KeyMeta, hasSecret: boolean, createdAt: number, updatedAt: number, revokedAt: number | null): KeySummary {
    const last = this.lastChecks.get(id)
    return toSummary(id, meta, hasSecret, createdAt, updatedAt, revokedAt, last ? { ...last, sentence: this.providers.sentence(last.outcome, meta.details) } : null)
  }

  delete(id: string): void {
    if (!this.index.get(id) && !this.index.isDamaged(id)) throw new KeyholdError('KEY_NOT_FOUND')
    this.write(() => this.stmts.remove.run(id))
    this.index.remove(id)
  }

  /** The one place a secret is decrypted; callers use it and let it go. */
  readSecret(id: string): string {
    this.assertNotRevoked(id)
    const row = this.stmts.secret.get(id) as { secret: Buffer | null } | undefined
    if (!row) throw new KeyholdError('KEY_NOT_FOUND')
    if (!row.secret) throw new KeyholdError('KEY_NOT_FOUND', { message: 'This key has no secret stored any more.' })
    try {
      return this.codec.openSecret(id, row.secret)
    } catch {
      throw new KeyholdError('KEY_DAMAGED')
    }
  }

  /**
   * Seals the list for the next unlock (when it changed), then forgets every decrypted value.
   * The snapshot is a cache: if it cannot be written, the next unlock opens records one by one.
   */
  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.snapshotStale) {
      try {
        writeSnapshot(this.db, this.codec, snapshotEntries(this.index.sortedEntries()), this.now())
      } catch {
        // A full or read-only disk must not stop the vault from locking.
      }
    }
    this.index.clear()
  }

  private indexed(id: string): IndexedKey {
    const entry = this.index.get(id)
    if (entry) return entry
    throw new KeyholdError(this.index.isDamaged(id) ? 'KEY_DAMAGED' : 'KEY_NOT_FOUND')
  }

  private write(fn: () => void): void {
    try {
      this.db.transaction(fn)()
      this.snapshotStale = true
    } catch (err) {
      throw fromSqliteError(err)
    }
  }
}

function* snapshotEntries(entries: Iterable<IndexedKey>): Generator<[string, SnapshotEntry]> {
  for (const e of entries) yield [e.summary.id, { updatedAt: e.summary.updatedAt, metaTag: e.metaTag, meta: e.meta }]
}

/** Tags are compared as SQLite's hex() prints them, so unlock reads no blob to compare. */
function tagHex(blob: Uint8Array): string {
  return Buffer.from(blob.buffer, blob.byteOffset + blob.byteLength - 16, 16).toString('hex').toUpperCase()
}

function metaFrom(input: NewKey): KeyMeta {
  return {
    name: input.name,
    account: input.account,
    notes: input.notes,
    tags: input.tags,
    expiresOn: input.expiresOn,
    details: input.details,
  }
}

function toSummary(
  id: string,
  meta: KeyMeta,
  hasSecret: boolean,
  createdAt: number,
  updatedAt: number,
  revokedAt: number | null,
  lastCheck: LastCheck | null,
): KeySummary {
  return {
    id,
    provider: meta.details.provider,
    name: meta.name,
    account: meta.account,
    tags: meta.tags,
    expiresOn: meta.expiresOn,
    hasSecret,
    createdAt,
    updatedAt,
    lastCheck,
    revokedAt,
    ...sharingOf(meta.shares, revokedAt),
  }
}

function sharingOf(shares: readonly ShareRecord[] | undefined, revokedAt: number | null): Pick<KeySummary, 'sharing'> {
  if (!shares?.length || revokedAt !== null) return {}
  return { sharing: openShares(shares, revokedAt).length > 0 ? 'shared' : 'was-shared' }
}

function toDetail(summary: KeySummary, meta: KeyMeta): KeyDetail {
  return { ...summary, notes: meta.notes, details: meta.details, shares: meta.shares ?? [] }
}
