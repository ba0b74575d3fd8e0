import type { Database } from 'better-sqlite3'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { z } from 'zod'
import { KeyholdError } from '../errors'
import { RECORD_FORMAT, type RecordCodec } from '../keys/record-codec'
import { fromSqliteError } from '../store/sqlite-errors'

const LABEL = 'sharing-identity'

const sealedIdentitySchema = z.strictObject({ identity: z.string().regex(/^AGE-SECRET-KEY-1[0-9A-Z]+$/) })

/**
 * The vault's age X25519 identity, sealed with the vault key in its one-row table. Its public
 * half is the sharing code the person hands out; the identity itself never leaves core.
 */
export class SharingIdentityStore {
  constructor(
    private readonly db: Database,
    private readonly codec: RecordCodec,
    private readonly now: () => number,
  ) {}

  /** The identity, or null before the vault first shared or showed its code. */
  read(): string | null {
    const row = this.db.prepare('SELECT format, sealed FROM sharing_identity WHERE id = 1').get() as { format: number; sealed: Buffer } | undefined
    if (!row) return null
    try {
      if (row.format !== RECORD_FORMAT) throw new Error('unknown format')
      return sealedIdentitySchema.parse(this.codec.openJson(LABEL, row.sealed)).identity
    } catch {
      // Never replaced by a new one: files already sent to the old code could no longer be opened.
      throw new KeyholdError('VAULT_DAMAGED', { message: "This vault's sharing identity is damaged, so share files cannot be made or opened. Restore the vault from a backup." })
    }
  }

  /** Made on first use; two callers at once both get the one that was stored. */
  async getOrCreate(): Promise<string> {
    const existing = this.read()
    if (existing !== null) return existing
    const identity = await generateX25519Identity()
    try {
      this.db
        .prepare('INSERT OR IGNORE INTO sharing_identity (id, format, sealed, created_at) VALUES (1, ?, ?, ?)')
        .run(RECORD_FORMAT, this.codec.sealJson(LABEL, { identity }), this.now())
    } catch (err) {
      throw fromSqliteError(err)
    }
    return this.read() ?? identity
  }

  async code(): Promise<string> {
    return identityToRecipient(await this.getOrCreate())
  }
}
