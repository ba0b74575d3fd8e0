import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { KEYHOLD_APPLICATION_ID } from './file-checks'

/** A new vault is built under this name beside the vault file, then put in place whole. */
export const CREATING_INFIX = '.creating-'

export type VaultFileState = 'absent' | 'unfinished' | 'present'

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * What is at the vault's path, as far as creating one there goes. `unfinished` is a file that
 * never became a vault and holds nothing a person could lose: an empty file, a Keyhold database
 * with no header row and no row in any table (what Keyhold before atomic create left when it was
 * stopped mid-way), or, with no vault file at all, a build of a new vault that was stopped before
 * it was put in place. Anything else is `present`, including every file we cannot read or are not
 * sure about: only unlock's own checks say what is wrong with it, and nothing replaces it.
 */
export function vaultFileState(vaultFile: string, latestVersion: number): VaultFileState {
  let size: number
  try {
    const stat = statSync(vaultFile)
    if (!stat.isFile()) return 'present'
    size = stat.size
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return 'present'
    return creatingLeftovers(vaultFile).length > 0 ? 'unfinished' : 'absent'
  }
  if (size === 0) return 'unfinished'
  return isEmptyKeyholdDatabase(vaultFile, latestVersion) ? 'unfinished' : 'present'
}

/** The names of stopped builds beside the vault file (and their SQLite sidecars). */
export function creatingLeftovers(vaultFile: string): string[] {
  const prefix = `${basename(vaultFile)}${CREATING_INFIX}`
  try {
    return readdirSync(dirname(vaultFile))
      .filter((name) => name.startsWith(prefix))
      .map((name) => join(dirname(vaultFile), name))
  } catch {
    return []
  }
}

function isEmptyKeyholdDatabase(path: string, latestVersion: number): boolean {
  if (!hasKeyholdFileHeader(path, latestVersion)) return false
  let db: Database | undefined
  // A read-only look at a WAL file makes `-wal` and `-shm` beside it; those this look made are
  // removed after it, so asking for the status leaves a locked vault's folder as it was.
  const sidecars = missingSidecars(path)
  try {
    // Read-only and without waiting: a vault another program holds is busy, so it is `present`.
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: 0 })
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
    // The header row is what makes a vault; without it no record can ever be decrypted, but a
    // file with any row at all is still kept for a person to take to a backup or support.
    return tables.every((table) => db?.prepare(`SELECT EXISTS (SELECT 1 FROM "${table.replaceAll('"', '""')}")`).pluck().get() === 0)
  } catch {
    return false
  } finally {
    db?.close()
    removeSidecarsMade(sidecars)
  }
}

/** The `-wal` and `-shm` not beside the vault yet: what a read-only look is about to make. */
export function missingSidecars(path: string): string[] {
  return [`${path}-wal`, `${path}-shm`].filter((f) => !existsSync(f))
}

/** Removes what a closed read-only look made: an empty WAL holds nothing, its -shm only an index. */
export function removeSidecarsMade(made: readonly string[]): void {
  for (const file of made) {
    try {
      if (file.endsWith('-shm') || statSync(file).size === 0) rmSync(file, { force: true })
    } catch {
      // Not there, or not ours to remove: left as it is.
    }
  }
}

function hasKeyholdFileHeader(path: string, latestVersion: number): boolean {
  const header = Buffer.alloc(100)
  let read: number
  try {
    const fd = openSync(path, 'r')
    try {
      read = readSync(fd, header, 0, header.length, 0)
    } finally {
      closeSync(fd)
    }
  } catch {
    return false
  }
  // SQLite's file format: application_id at 68 (a foreign database is never "unfinished"),
  // user_version at 60 (a newer vault is left to unlock's refusal, without a SQLite open, which
  // would leave -wal and -shm beside it).
  return (
    read === header.length &&
    header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC) &&
    header.readUInt32BE(68) === KEYHOLD_APPLICATION_ID &&
    header.readUInt32BE(60) <= latestVersion
  )
}
