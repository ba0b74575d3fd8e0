import { randomBytes } from 'node:crypto'
import { readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { KeyholdError } from '../errors'
import { createPrivateFile, ensurePrivateDir, fsyncDir, fsyncFile } from './private-files'

export const BACKUPS_KEPT = 5

const PARTIAL_INFIX = '.bak.partial-'
const SIDECARS = ['-journal', '-wal', '-shm'] as const

/**
 * Copies the live database through SQLite's online backup (never a plain file copy: recent
 * commits sit in the WAL) and keeps the newest BACKUPS_KEPT copies of this vault. The copy is
 * written under a temporary name, verified and synced before it is renamed to `.bak`, so a
 * crash or a full disk mid-copy never leaves a broken `.bak` that would push a good one out.
 */
export async function backupBeforeMigration(
  db: Database,
  vaultPath: string,
  backupDir: string,
  fromVersion: number,
  now: Date,
): Promise<string> {
  ensurePrivateDir(backupDir)
  const prefix = `${basename(vaultPath)}.`
  removeBackupLeftovers(backupDir, prefix)
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  // Time first and a padded version, so that name order is age order.
  const target = join(backupDir, `${prefix}${stamp}.v${String(fromVersion).padStart(4, '0')}.bak`)
  const partial = `${target.slice(0, -'.bak'.length)}${PARTIAL_INFIX}${randomBytes(6).toString('hex')}`
  try {
    // Created 0600 first: SQLite would make the copy (and its -journal) with the default mode.
    createPrivateFile(partial)
    await db.backup(partial)
    assertIntact(partial)
    fsyncFile(partial)
    renameSync(partial, target)
    fsyncDir(backupDir)
  } catch (err) {
    rmSync(partial, { force: true })
    throw err instanceof KeyholdError ? err : new KeyholdError('STORAGE_FAILED', { cause: err })
  } finally {
    // The copy is in WAL format like the vault, so even the read-only check leaves an empty -wal and -shm.
    for (const suffix of SIDECARS) rmSync(partial + suffix, { force: true })
  }
  const mine = readdirSync(backupDir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.bak'))
    .sort()
  for (const old of mine.slice(0, Math.max(0, mine.length - BACKUPS_KEPT))) {
    rmSync(join(backupDir, old), { force: true })
  }
  return target
}

/**
 * What a copy stopped mid-way left is never one of the kept: a temporary copy and its sidecars,
 * and (from Keyhold before this) a `.bak` with a -journal beside it, whose copy never finished.
 */
function removeBackupLeftovers(backupDir: string, prefix: string): void {
  const names = readdirSync(backupDir).filter((name) => name.startsWith(prefix))
  for (const name of names) {
    const unfinishedBak = name.endsWith('.bak-journal') ? name.slice(0, -'-journal'.length) : undefined
    if (unfinishedBak !== undefined) rmSync(join(backupDir, unfinishedBak), { force: true })
    if (name.includes(PARTIAL_INFIX) || SIDECARS.some((suffix) => name.endsWith(`.bak${suffix}`))) rmSync(join(backupDir, name), { force: true })
  }
}

function assertIntact(path: string): void {
  const copy = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  try {
    if (copy.pragma('integrity_check', { simple: true }) !== 'ok') throw new KeyholdError('STORAGE_FAILED')
  } finally {
    copy.close()
  }
}
