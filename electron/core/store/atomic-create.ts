import { randomBytes } from 'node:crypto'
import { existsSync, linkSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Database } from 'better-sqlite3'
import { KeyholdError } from '../errors'
import { createVaultDatabase, latestVersion, removeVaultFiles, type StoreOptions } from './database'
import { MIGRATIONS } from './migrations'
import { fsyncDir, fsyncFile } from './private-files'
import { creatingLeftovers, CREATING_INFIX, vaultFileState } from './vault-file'

const SIDECARS = ['-wal', '-shm', '-journal'] as const

/**
 * Builds a whole vault under a temporary name beside the vault file (`fill` writes its header),
 * syncs it, and only then puts it at the vault's path: a crash or a full disk at any moment leaves
 * either no vault or a complete one there, never a half-made file that every start calls damaged.
 * Without `replaceUnfinished` it is hard-linked into place, which fails if any file appeared there,
 * so an existing vault is never overwritten; with it (the person agreed to start over) it is
 * renamed over the leftover, after one more look that the leftover is still only that.
 */
export async function createVaultAtomically(options: StoreOptions, fill: (db: Database) => void, replaceUnfinished: boolean): Promise<void> {
  const temp = `${options.path}${CREATING_INFIX}${randomBytes(8).toString('hex')}`
  try {
    const db = await createVaultDatabase({ ...options, path: temp })
    try {
      fill(db)
    } finally {
      // A clean close checkpoints the WAL into the file and deletes it: the file alone is the vault.
      db.close()
    }
    if (existsSync(`${temp}-wal`)) throw new KeyholdError('STORAGE_FAILED')
    fsyncFile(temp)
    placeVaultFile(temp, options.path, replaceUnfinished, latestVersion(options.migrations ?? MIGRATIONS))
    fsyncDir(dirname(options.path))
  } catch (err) {
    throw err instanceof KeyholdError ? err : new KeyholdError('STORAGE_FAILED', { cause: err })
  } finally {
    removeVaultFiles(temp)
  }
  if (replaceUnfinished) {
    // The builds of earlier attempts that were stopped: never a vault, and agreed to go.
    for (const leftover of creatingLeftovers(options.path)) rmSync(leftover, { force: true })
  }
}

function placeVaultFile(temp: string, vaultFile: string, replaceUnfinished: boolean, latest: number): void {
  // Leftover builds beside it (ours among them) were agreed to before: only the vault's own name counts here.
  const found = existsSync(vaultFile) ? vaultFileState(vaultFile, latest) : 'absent'
  if (found === 'present' || (found === 'unfinished' && !replaceUnfinished)) {
    throw new KeyholdError(found === 'present' ? 'VAULT_EXISTS' : 'VAULT_UNFINISHED')
  }
  // A -wal or -journal left beside the vault's name belongs to no vault we keep; SQLite would
  // replay a stale one into the new file on its first open.
  for (const suffix of SIDECARS) rmSync(vaultFile + suffix, { force: true })
  if (existsSync(vaultFile)) {
    renameSync(temp, vaultFile)
    return
  }
  try {
    linkSync(temp, vaultFile)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw new KeyholdError('VAULT_EXISTS')
    // Some file systems (FAT, some network shares) have no hard links: a rename right after
    // the look above is the closest there.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      if (existsSync(vaultFile)) throw new KeyholdError('VAULT_EXISTS')
      renameSync(temp, vaultFile)
      return
    }
    throw err
  }
}
