import { rmSync } from 'node:fs'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { KeyholdError } from '../errors'
import { backupBeforeMigration } from './backups'
import { assertKeyholdHeader, KEYHOLD_APPLICATION_ID } from './file-checks'
import { MIGRATIONS, type Migration } from './migrations'
import { createPrivateFile } from './private-files'
import { fromSqliteError } from './sqlite-errors'
import { creatingLeftovers, vaultFileState } from './vault-file'

export interface StoreOptions {
  readonly path: string
  readonly backupDir: string
  readonly migrations?: readonly Migration[]
  readonly now?: () => Date
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0
}

/**
 * Opens an existing vault file. Every reason to refuse it is found on a read-only handle first,
 * so a file we refuse is left byte-for-byte as it was.
 */
export async function openVaultDatabase(options: StoreOptions): Promise<Database> {
  const migrations = options.migrations ?? MIGRATIONS
  // What a stopped create left is not a damaged vault: the window offers to start over instead.
  if (vaultFileState(options.path, latestVersion(migrations)) === 'unfinished') throw new KeyholdError('VAULT_UNFINISHED')
  assertKeyholdHeader(options.path, latestVersion(migrations))
  // The header is what a clean close leaves; the read-only look also sees a WAL left by a crash.
  inspectReadOnly(options.path, latestVersion(migrations))
  let db: Database | undefined
  try {
    db = new BetterSqlite3(options.path, { fileMustExist: true })
    configure(db)
    await migrate(db, migrations, options, true)
    // A create stopped after its link into place leaves its build's name beside the vault (often
    // the same file, twice linked). With the vault open here, no create can be using it.
    for (const leftover of creatingLeftovers(options.path)) rmSync(leftover, { force: true })
    return db
  } catch (err) {
    db?.close()
    throw fromSqliteError(err)
  }
}

/** Creates a new vault file; never over an existing one (the exclusive create fails first). */
export async function createVaultDatabase(options: StoreOptions): Promise<Database> {
  try {
    // 0600 before SQLite writes a byte; SQLite gives the -wal, -shm and -journal the same mode.
    createPrivateFile(options.path)
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'EEXIST') {
      throw new KeyholdError('VAULT_EXISTS')
    }
    throw new KeyholdError('STORAGE_FAILED', { cause: err })
  }
  let db: Database | undefined
  try {
    db = new BetterSqlite3(options.path, { fileMustExist: true })
    db.pragma(`application_id = ${KEYHOLD_APPLICATION_ID}`)
    configure(db)
    // A brand-new file holds nothing worth a copy.
    await migrate(db, options.migrations ?? MIGRATIONS, options, false)
    return db
  } catch (err) {
    db?.close()
    removeVaultFiles(options.path)
    throw fromSqliteError(err)
  }
}

export function removeVaultFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true })
}

function inspectReadOnly(path: string, latest: number): void {
  let db: Database | undefined
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: 0 })
    const appId = db.pragma('application_id', { simple: true })
    if (appId !== KEYHOLD_APPLICATION_ID) throw new KeyholdError('NOT_A_VAULT')
    const version = Number(db.pragma('user_version', { simple: true }))
    if (version > latest) throw new KeyholdError('VAULT_TOO_NEW')
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new KeyholdError('VAULT_DAMAGED')
  } catch (err) {
    throw fromSqliteError(err)
  } finally {
    db?.close()
  }
}

function configure(db: Database): void {
  // Exclusive locking before WAL: no shared-memory file, and the lock taken by the write below
  // is held until close, so a second process (or window) cannot open the same vault.
  db.pragma('locking_mode = EXCLUSIVE')
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 0')
  // Deleted rows (a removed key, a wiped secret) are overwritten, not left in free pages.
  db.pragma('secure_delete = ON')
  db.exec('BEGIN IMMEDIATE; COMMIT;')
}

async function migrate(
  db: Database,
  migrations: readonly Migration[],
  options: StoreOptions,
  backupFirst: boolean,
): Promise<void> {
  assertIncreasing(migrations)
  const current = Number(db.pragma('user_version', { simple: true }))
  const pending = migrations.filter((m) => m.version > current)
  // One copy of the vault as it was, however many steps follow: a copy per step would fill the
  // rotation with intermediate versions and evict the person's older backups in one upgrade.
  if (backupFirst && pending.length > 0) {
    await backupBeforeMigration(db, options.path, options.backupDir, current, (options.now ?? (() => new Date()))())
  }
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}

function assertIncreasing(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const prev = migrations[i - 1]
    if (!Number.isInteger(m.version) || (prev !== undefined && m.version <= prev.version)) {
      throw new Error(`migrations out of order at ${m.name}`)
    }
  })
}
