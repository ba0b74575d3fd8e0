import { randomUUID } from 'node:crypto'
import type { Database, Statement } from 'better-sqlite3'
import type { KeyDetail, KeyListEntry, KeySummary } from '../../shared/dto'
import { KeyholdError } from '../errors'
import { fromSqliteError } from '../store/sqlite-errors'
import type { KeyUpdate, NewKey } from '../validation/key-schemas'
import { indexKey, KeyIndex } from './key-index'
import { RECORD_FORMAT, RecordCodec, type KeyMeta } from './record-codec'

interface KeyRow {
  id: string
  format: number
  meta: Buffer
  secret: Buffer | null
  created_at: number
  updated_at: number
}

/**
 * The keys of one unlocked vault. Opening it decrypts every `meta` blob once into an index;
 * a secret is decrypted only by `readSecret`, for the one operation that needs it.
 */
export class KeyStore {
  private readonly index = new KeyIndex()
  private readonly codec: RecordCodec
  private readonly stmts: {
    insert: Statement
    update: Statement
    remove: Statement
    secret: Statement
  }

  constructor(
    private readonly db: Database,
    vaultKey: Buffer,
    vaultId: string,
    private readonly now: () => number,
  ) {
    this.codec = new RecordCodec(vaultKey, vaultId)
    this.stmts = {
      insert: db.prepare(
        'INSERT INTO keys (id, format, meta, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      update: db.prepare('UPDATE keys SET meta = ?, secret = coalesce(?, secret), updated_at = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM keys WHERE id = ?'),
      secret: db.prepare('SELECT secret FROM keys WHERE id = ?'),
    }
    this.load()
  }

  private load(): void {
    const rows = this.db.prepare('SELECT id, format, meta, secret IS NOT NULL AS has_secret, created_at, updated_at FROM keys').raw().all() as [string, number, Buffer, number, number, number][]
    for (const [id, format, metaBlob, hasSecret, createdAt, updatedAt] of rows) {
      try {
        if (format !== RECORD_FORMAT) throw new KeyholdError('KEY_DAMAGED')
        const meta = this.codec.openMeta(id, metaBlob)
        this.index.put(indexKey(toSummary(id, meta, hasSecret === 1, createdAt, updatedAt), meta))
      } catch {
        // One bad record must not cost the person every other key: it is listed as damaged.
        this.index.markDamaged(id)
      }
    }
  }

  list(): readonly KeyListEntry[] {
    return this.index.list()
  }

  search(query: string): readonly KeyListEntry[] {
    return this.index.search(query)
  }

  get(id: string): KeyDetail {
    return toDetail(this.indexed(id).summary, this.indexed(id).meta)
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
      const entry = indexKey(toSummary(p.id, p.meta, true, now, now), p.meta)
      this.index.put(entry)
      return toDetail(entry.summary, p.meta)
    })
  }

  update({ id, changes }: KeyUpdate): KeyDetail {
    const current = this.indexed(id)
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
    }
    const now = this.now()
    const secretBlob = changes.secret === undefined ? null : this.codec.sealSecret(id, changes.secret)
    this.write(() => this.stmts.update.run(this.codec.sealMeta(id, meta), secretBlob, now, id))
    const hasSecret = current.summary.hasSecret || secretBlob !== null
    const entry = indexKey(toSummary(id, meta, hasSecret, current.summary.createdAt, now), meta)
    this.index.put(entry)
    return toDetail(entry.summary, meta)
  }

  delete(id: string): void {
    if (!this.index.get(id) && !this.index.isDamaged(id)) throw new KeyholdError('KEY_NOT_FOUND')
    this.write(() => this.stmts.remove.run(id))
    this.index.remove(id)
  }

  /** The one place a secret is decrypted; callers use it and let it go. */
  readSecret(id: string): string {
    this.indexed(id)
    const row = this.stmts.secret.get(id) as Pick<KeyRow, 'secret'> | undefined
    if (!row) throw new KeyholdError('KEY_NOT_FOUND')
    if (!row.secret) throw new KeyholdError('KEY_NOT_FOUND', { message: 'This key has no secret stored any more.' })
    try {
      return this.codec.openSecret(id, row.secret)
    } catch {
      throw new KeyholdError('KEY_DAMAGED')
    }
  }

  /** Forgets every decrypted value; the store is unusable afterwards. */
  close(): void {
    this.index.clear()
  }

  private indexed(id: string) {
    const entry = this.index.get(id)
    if (entry) return entry
    throw new KeyholdError(this.index.isDamaged(id) ? 'KEY_DAMAGED' : 'KEY_NOT_FOUND')
  }

  private write(fn: () => void): void {
    try {
      this.db.transaction(fn)()
    } catch (err) {
      throw fromSqliteError(err)
    }
  }
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

function toSummary(id: string, meta: KeyMeta, hasSecret: boolean, createdAt: number, updatedAt: number): KeySummary {
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
  }
}

function toDetail(summary: KeySummary, meta: KeyMeta): KeyDetail {
  return { ...summary, notes: meta.notes, details: meta.details }
}
