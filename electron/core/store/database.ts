import { readFileSync, rmSync, statSync } from 'node:fs'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { KeyholdError } from '../errors'
import { backupBeforeMigration } from './backups'
import { assertKeyholdHeader, KEYHOLD_APPLICATION_ID } from './file-checks'
import { MIGRATIONS, type Migration } from './migrations'
import { createPrivateFile } from './private-files'
import { fromSqliteError } from './sqlite-errors'
import { creatingLeftovers, missingSidecars, removeSidecarsMade, vaultFileState } from './vault-file'

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
  const latest = latestVersion(migrations)
  // What a stopped create left is not a damaged vault: the window offers to start over instead.
  if (vaultFileState(options.path, latest) === 'unfinished') throw new KeyholdError('VAULT_UNFINISHED')
  assertKeyholdHeader(options.path, latest)
  // The header is what a clean close leaves; the read-only look also sees a WAL left by a crash.
  // On a full disk that look cannot create the `-shm` file it needs; the writable handle below,
  // whose exclusive lock keeps the WAL index in memory, then makes the same checks itself.
  const inspected = inspectReadOnly(options.path, latest)
  let db: Database | undefined
  try {
    db = new BetterSqlite3(options.path, { fileMustExist: true })
    configure(db)
    if (!inspected) assertVaultContents(db, latest)
    await migrate(db, migrations, options, true)
    if (!options.migrations) assertTables(db)
    // A create stopped after its link into place leaves its build's name beside the vault (often
    // the same file, twice linked). With the vault open here, no create can be using it.
    for (const leftover of creatingLeftovers(options.path)) rmSync(leftover, { force: true })
    return db
  } catch (err) {
    db?.close()
    const failure = fromSqliteError(err)
    if (failure.code !== 'STORAGE_FAILED') throw failure
    // A disk Keyhold cannot write to must not lock a person out of their keys.
    return openCopyForReading(options.path, latest, failure)
  }
}

/**
 * The vault on a disk (or in a folder, or as a file) Keyhold cannot write to: read into memory
 * and opened read-only, so every write answers STORAGE_FAILED with its sentence and nothing is
 * lost. SQLite cannot open a WAL vault read-only without creating its `-shm` file, hence the copy
 * (this build of SQLite takes no `immutable` URI). A vault whose last writes are still in a WAL
 * file, or one that needs an upgrade, cannot be read this way: both need the disk written first.
 */
function openCopyForReading(path: string, latest: number, writeFailure: KeyholdError): Database {
  const walBytes = (() => {
    try {
      return statSync(`${path}-wal`).size
    } catch {
      return 0
    }
  })()
  if (walBytes > 0) throw new KeyholdError('STORAGE_FAILED', { message: UNCLEAN_ON_READ_ONLY, cause: writeFailure })
  let db: Database | undefined
  try {
    const bytes = readFileSync(path)
    // Bytes 18 and 19 say "WAL"; an in-memory copy has no WAL, and SQLite refuses it unless told it is a plain file.
    bytes[18] = 1
    bytes[19] = 1
    db = new BetterSqlite3(bytes, { readonly: true })
    db.pragma('foreign_keys = ON')
    assertVaultContents(db, latest)
    if (Number(db.pragma('user_version', { simple: true })) < latest) throw writeFailure
    assertTables(db)
    return db
  } catch (err) {
    db?.close()
    throw fromSqliteError(err)
  }
}

const UNCLEAN_ON_READ_ONLY =
  'This vault was not closed properly and is on a disk Keyhold cannot write to, so its last changes cannot be read. Free some space or make the folder writable (or copy the whole folder to a disk that is), then unlock again. Nothing was changed.'

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

/**
 * The checks a read-only handle can make without changing the file. False when the disk will
 * not even take the `-shm` file such a handle needs: the caller checks on its own handle instead.
 */
function inspectReadOnly(path: string, latest: number): boolean {
  let db: Database | undefined
  const made = missingSidecars(path)
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: 0 })
    assertVaultContents(db, latest)
    return true
  } catch (err) {
    const failure = fromSqliteError(err)
    if (failure.code === 'STORAGE_FAILED') return false
    throw failure
  } finally {
    db?.close()
    removeSidecarsMade(made)
  }
}

/** The tables the current migrations make; one dropped outside Keyhold is a damaged vault, said at unlock. */
const VAULT_TABLES = ['vault_header', 'keys', 'list_snapshot', 'checks', 'settings', 'activity'] as const

function assertTables(db: Database): void {
  const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name))
  if (VAULT_TABLES.some((t) => !present.has(t))) throw new KeyholdError('VAULT_DAMAGED')
}

function assertVaultContents(db: Database, latest: number): void {
  const appId = db.pragma('application_id', { simple: true })
  if (appId !== KEYHOLD_APPLICATION_ID) throw new KeyholdError('NOT_A_VAULT')
  const version = Number(db.pragma('user_version', { simple: true }))
  if (version > latest) throw new KeyholdError('VAULT_TOO_NEW')
  const check = db.pragma('quick_check', { simple: true })
  if (check !== 'ok') throw new KeyholdError('VAULT_DAMAGED')
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
