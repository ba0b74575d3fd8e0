import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Database } from 'better-sqlite3'

export const BACKUPS_KEPT = 5

/**
 * Copies the live database through SQLite's online backup (never a plain file copy: recent
 * commits sit in the WAL) and keeps the newest BACKUPS_KEPT copies of this vault.
 */
export async function backupBeforeMigration(
  db: Database,
  vaultPath: string,
  backupDir: string,
  fromVersion: number,
  now: Date,
): Promise<string> {
  mkdirSync(backupDir, { recursive: true })
  const prefix = `${basename(vaultPath)}.`
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  // Time first and a padded version, so that name order is age order.
  const target = join(backupDir, `${prefix}${stamp}.v${String(fromVersion).padStart(4, '0')}.bak`)
  await db.backup(target)
  const mine = readdirSync(backupDir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.bak'))
    .sort()
  for (const old of mine.slice(0, Math.max(0, mine.length - BACKUPS_KEPT))) {
    rmSync(join(backupDir, old), { force: true })
  }
  return target
}
