import { KeyholdError } from '../errors'

/** Maps better-sqlite3's error codes to what a person can act on. */
export function fromSqliteError(err: unknown): KeyholdError {
  if (err instanceof KeyholdError) return err
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : ''
  if (code.startsWith('SQLITE_NOTADB')) return new KeyholdError('NOT_A_VAULT', { cause: err })
  if (code.startsWith('SQLITE_CORRUPT')) return new KeyholdError('VAULT_DAMAGED', { cause: err })
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new KeyholdError('VAULT_IN_USE', { cause: err })
  }
  if (
    code.startsWith('SQLITE_FULL') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_PERM')
  ) {
    return new KeyholdError('STORAGE_FAILED', { cause: err })
  }
  // Anything else SQLite reports (a table dropped outside Keyhold, an I/O error without its own
  // code) is still the store failing, not Keyhold: the person gets the storage sentence.
  if (code.startsWith('SQLITE_') || (err instanceof Error && err.name === 'SqliteError')) {
    return new KeyholdError('STORAGE_FAILED', { cause: err })
  }
  return new KeyholdError('INTERNAL', { cause: err })
}
