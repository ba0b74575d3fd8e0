import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { KeyholdError } from '../errors'

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
const SQLITE_HEADER_BYTES = 100

export const NOT_A_FILE =
  'Where the vault file should be there is a folder (or something else that is not a file), so Keyhold cannot open the vault. Move it away, then try again. Nothing was changed.'

/** 'KYHD': written to SQLite's application_id so a foreign SQLite file is told apart from a vault. */
export const KEYHOLD_APPLICATION_ID = 0x4b594844

/**
 * Looks at the file's first bytes without handing it to SQLite: a 0-byte file opens as an empty
 * database, and even a read-only SQLite open of a WAL file leaves files beside it, so a file we
 * refuse for its header is refused before SQLite sees it.
 */
export function assertKeyholdHeader(path: string, latestVersion: number): void {
  let size: number
  try {
    const stat = statSync(path)
    if (!stat.isFile()) throw new KeyholdError('STORAGE_FAILED', { message: NOT_A_FILE })
    size = stat.size
  } catch (err) {
    if (err instanceof KeyholdError) throw err
    throw new KeyholdError('VAULT_NOT_FOUND')
  }
  if (size === 0) throw new KeyholdError('VAULT_EMPTY_FILE')
  const header = Buffer.alloc(SQLITE_HEADER_BYTES)
  const fd = openSync(path, 'r')
  let read: number
  try {
    read = readSync(fd, header, 0, SQLITE_HEADER_BYTES, 0)
  } finally {
    closeSync(fd)
  }
  if (read < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new KeyholdError('NOT_A_VAULT')
  }
  if (read < SQLITE_HEADER_BYTES) throw new KeyholdError('VAULT_DAMAGED')
  // Offsets from SQLite's file format: user_version at 60, application_id at 68, big-endian.
  if (header.readUInt32BE(68) !== KEYHOLD_APPLICATION_ID) throw new KeyholdError('NOT_A_VAULT')
  if (header.readUInt32BE(60) > latestVersion) throw new KeyholdError('VAULT_TOO_NEW')
}
