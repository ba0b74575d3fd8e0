import type { Database } from 'better-sqlite3'
import { KeyholdError } from '../errors'
import { fromSqliteError } from '../store/sqlite-errors'
import { AuthenticationError, open, seal } from './aead'
import { canonicalKdfParams, type KdfParams } from './kdf-params'

export const HEADER_FORMAT = 1

export interface VaultHeader {
  readonly vaultId: string
  readonly kdf: KdfParams
  readonly wrappedKey: Buffer
}

/** The header's AAD binds the wrapped key to the vault id and every KDF parameter. */
function headerAad(vaultId: string, kdf: KdfParams): string {
  return `keyhold|header|v${HEADER_FORMAT}|${vaultId}|${canonicalKdfParams(kdf)}`
}

export function wrapVaultKey(passwordKey: Buffer, vaultKey: Buffer, vaultId: string, kdf: KdfParams): Buffer {
  return seal(passwordKey, vaultKey, headerAad(vaultId, kdf))
}

/** A wrong password and an edited header fail the same way: the unwrap does not authenticate. */
export function unwrapVaultKey(passwordKey: Buffer, header: VaultHeader): Buffer {
  try {
    return open(passwordKey, header.wrappedKey, headerAad(header.vaultId, header.kdf))
  } catch (err) {
    if (err instanceof AuthenticationError) throw new KeyholdError('WRONG_PASSWORD')
    throw err
  }
}

interface HeaderRow {
  vault_id: string
  format: number
  kdf_algorithm: string
  kdf_memory_kib: number
  kdf_iterations: number
  kdf_parallelism: number
  kdf_salt: Buffer
  wrapped_key: Buffer
}

export function readHeader(db: Database): VaultHeader {
  const row = db.prepare('SELECT * FROM vault_header WHERE id = 1').get() as HeaderRow | undefined
  if (!row || row.format !== HEADER_FORMAT || row.kdf_algorithm !== 'argon2id') {
    throw new KeyholdError(row ? 'VAULT_HEADER_TAMPERED' : 'VAULT_DAMAGED')
  }
  return {
    vaultId: row.vault_id,
    kdf: {
      algorithm: 'argon2id',
      memoryKiB: row.kdf_memory_kib,
      iterations: row.kdf_iterations,
      parallelism: row.kdf_parallelism,
      salt: row.kdf_salt,
    },
    wrappedKey: row.wrapped_key,
  }
}

/** Inserts or replaces the single header row (a password change rewrites only this row). */
export function writeHeader(db: Database, header: VaultHeader, now: number): void {
  try {
    insertOrUpdateHeader(db, header, now)
  } catch (err) {
    // A full or read-only disk at create or change-password: the sentence, not INTERNAL.
    throw fromSqliteError(err)
  }
}

function insertOrUpdateHeader(db: Database, header: VaultHeader, now: number): void {
  db.prepare(
    `INSERT INTO vault_header (id, vault_id, format, kdf_algorithm, kdf_memory_kib, kdf_iterations,
       kdf_parallelism, kdf_salt, wrapped_key, created_at, updated_at)
     VALUES (1, @vaultId, @format, 'argon2id', @m, @t, @p, @salt, @wrapped, @now, @now)
     ON CONFLICT (id) DO UPDATE SET kdf_memory_kib = @m, kdf_iterations = @t, kdf_parallelism = @p,
       kdf_salt = @salt, wrapped_key = @wrapped, updated_at = @now`,
  ).run({
    vaultId: header.vaultId,
    format: HEADER_FORMAT,
    m: header.kdf.memoryKiB,
    t: header.kdf.iterations,
    p: header.kdf.parallelism,
    salt: Buffer.from(header.kdf.salt),
    wrapped: header.wrappedKey,
    now,
  })
}
