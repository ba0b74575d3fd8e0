import { readFileSync } from 'node:fs'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { PREVIEW_NAMES_MAX, type BackupPreview } from '../../shared/backups'
import { KeyholdError } from '../errors'
import type { RecordCodec } from '../keys/record-codec'
import { parseStoredMeta } from '../keys/stored-meta'
import { KEYHOLD_APPLICATION_ID } from '../store/file-checks'

/**
 * A backup opened for reading from its bytes, in memory: a read-only look at a WAL file would
 * leave -wal and -shm beside it (and a change to a kept backup is never wanted). Refused with
 * BACKUP_DAMAGED when SQLite finds it damaged or it is not this app's.
 */
export function openBackupCopy(path: string): Database {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new KeyholdError('BACKUP_NOT_FOUND')
    throw new KeyholdError('STORAGE_FAILED', { cause: err })
  }
  let db: Database | undefined
  try {
    // Bytes 18 and 19 say "WAL"; an in-memory copy has no WAL, and SQLite refuses it unless told it is a plain file.
    if (bytes.length >= 100) {
      bytes[18] = 1
      bytes[19] = 1
    }
    db = new BetterSqlite3(bytes, { readonly: true })
    if (db.pragma('application_id', { simple: true }) !== KEYHOLD_APPLICATION_ID) throw new KeyholdError('BACKUP_DAMAGED')
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new KeyholdError('BACKUP_DAMAGED')
    return db
  } catch (err) {
    db?.close()
    throw err instanceof KeyholdError ? err : new KeyholdError('BACKUP_DAMAGED', { cause: err })
  } finally {
    bytes.fill(0)
  }
}

function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
}

/**
 * The canary: records sealed with the vault key decrypt. The settings row (written before every
 * backup made while unlocked, so a vault with no keys has one too) and the newest key's meta blob.
 * A copy with neither (made before an upgrade from a vault that never held anything) has nothing
 * sealed to lose, and passes on its integrity check alone.
 */
export function assertCanary(db: Database, codec: RecordCodec): void {
  try {
    if (hasTable(db, 'settings')) {
      const row = db.prepare('SELECT blob FROM settings WHERE id = 1').get() as { blob: Buffer } | undefined
      if (row) codec.openJson('settings', row.blob)
    }
    const key = db.prepare('SELECT id, meta FROM keys ORDER BY updated_at DESC LIMIT 1').get() as { id: string; meta: Buffer } | undefined
    if (key) codec.openMeta(key.id, key.meta)
  } catch (err) {
    throw new KeyholdError('BACKUP_DAMAGED', { cause: err })
  }
}

/** What the backup holds, decrypted here: names, a count and the newest change; never a value. */
export function previewContents(db: Database, codec: RecordCodec, backupId: string, at: number): BackupPreview {
  const rows = db.prepare('SELECT id, meta, updated_at FROM keys').all() as { id: string; meta: Buffer; updated_at: number }[]
  const names: string[] = []
  let newest: number | null = null
  try {
    for (const row of rows) {
      names.push(parseStoredMeta(codec.openMeta(row.id, row.meta)).name)
      newest = Math.max(newest ?? 0, row.updated_at)
    }
  } catch (err) {
    throw new KeyholdError('BACKUP_DAMAGED', { cause: err })
  }
  names.sort((a, b) => a.localeCompare(b))
  return { backupId, at, keyCount: rows.length, keyNames: names.slice(0, PREVIEW_NAMES_MAX), newestChange: newest }
}
