import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { BACKUPS_KEEP, type BackupInfo, type BackupReason } from '../../shared/backups'
import { KeyholdError } from '../errors'
import { createPrivateFile, ensurePrivateDir, fsyncDir, fsyncFile } from './private-files'

/** Kept when no setting says otherwise (before an upgrade, the vault's settings are not readable yet). */
export const BACKUPS_KEPT: number = BACKUPS_KEEP.default

const PARTIAL_INFIX = '.bak.partial-'
const SIDECARS = ['-journal', '-wal', '-shm'] as const

/**
 * `<vault>.<time>.v<version>[.<reason>].bak`: time first, so that name order is age order. A copy
 * made before an upgrade carries no reason (the name Keyhold has always given it); the byte copy
 * of a vault SQLite could not read says `damaged` where the version would be.
 */
const NAME = /^(.+)\.(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)\.(v\d{4}|damaged)(?:\.(daily|manual|before-restore))?\.bak$/

export interface BackupPlace {
  readonly vaultPath: string
  readonly backupDir: string
}

export interface ParsedBackup {
  readonly name: string
  readonly at: number
  readonly reason: BackupReason
  readonly damagedCopy: boolean
}

export function parseBackupName(place: BackupPlace, name: string): ParsedBackup | undefined {
  const m = NAME.exec(name)
  if (!m || m[1] !== basename(place.vaultPath)) return undefined
  const [, , stamp = '', version, reason] = m
  const at = Date.parse(stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z'))
  if (!Number.isFinite(at)) return undefined
  return { name, at, reason: (reason as BackupReason | undefined) ?? 'before-upgrade', damagedCopy: version === 'damaged' }
}

/** This vault's backups, oldest first. */
export function listBackupFiles(place: BackupPlace): ParsedBackup[] {
  let names: string[]
  try {
    names = readdirSync(place.backupDir)
  } catch {
    return []
  }
  return names
    .sort()
    .map((n) => parseBackupName(place, n))
    .filter((b): b is ParsedBackup => b !== undefined)
}

/** `checked`: the upgrade copies this process has checked with the vault key (made before any key was known). */
export function describeBackups(place: BackupPlace, checked: ReadonlySet<string>): BackupInfo[] {
  return listBackupFiles(place).flatMap((b) => {
    let size: number
    try {
      size = statSync(join(place.backupDir, b.name)).size
    } catch {
      return []
    }
    const verified = !b.damagedCopy && (b.reason !== 'before-upgrade' || checked.has(b.name))
    return [{ backupId: b.name, at: b.at, reason: b.reason, size, verified, damagedCopy: b.damagedCopy }]
  })
}

export interface BackupWrite {
  readonly reason: BackupReason
  readonly version: number
  readonly now: Date
  readonly keep: number
  /** Checks the finished copy (by path) before it takes its name; throws to have it removed. */
  readonly verify?: (path: string) => void
  /** Never removed by this write's rotation: the backup a restore is about to put in place. */
  readonly protect?: string
}

/**
 * Copies the live database through SQLite's online backup (never a plain file copy: recent
 * commits sit in the WAL) and keeps the newest `keep` copies of this vault. The copy is written
 * under a temporary name, checked and synced before it is renamed to `.bak`, so a crash, a full
 * disk or a copy that fails its check never leaves a `.bak` that would push a good one out.
 */
export async function writeBackup(db: Database, place: BackupPlace, write: BackupWrite): Promise<string> {
  const target = join(place.backupDir, backupName(place, write.now, `v${String(write.version).padStart(4, '0')}`, write.reason))
  return placeCopy(place, target, write, async (partial) => {
    await db.backup(partial)
    assertIntact(partial)
  })
}

/**
 * The vault file as it is, kept aside before a restore replaces it: through SQLite when SQLite can
 * still read it and its records open with the key (`verify`), else its bytes as they are (a
 * damaged file is still the person's).
 */
export async function keepVaultAside(place: BackupPlace, now: Date, keep: number, protect: string, verify: (path: string) => void): Promise<string | undefined> {
  let bytes: Buffer
  try {
    bytes = readFileSync(place.vaultPath)
  } catch {
    return undefined
  }
  try {
    const source = new BetterSqlite3(place.vaultPath, { readonly: true, fileMustExist: true, timeout: 0 })
    try {
      const version = Number(source.pragma('user_version', { simple: true }))
      // A copy whose records do not open with the key is kept as bytes, and listed as a damaged vault's.
      return await writeBackup(source, place, { reason: 'before-restore', version, now, keep, protect, verify })
    } finally {
      source.close()
      for (const suffix of ['-shm'] as const) rmSync(place.vaultPath + suffix, { force: true })
    }
  } catch {
    const target = join(place.backupDir, backupName(place, now, 'damaged', 'before-restore'))
    return placeCopy(place, target, { keep, protect }, (partial) => writeFileSync(partial, bytes))
  }
}

/** A name no kept backup has: two made in one millisecond (a restore's copy, then a restore of it) must not replace each other. */
function backupName(place: BackupPlace, now: Date, version: string, reason: BackupReason): string {
  for (let ms = now.getTime(); ; ms++) {
    const stamp = new Date(ms).toISOString().replace(/[:.]/g, '-')
    const name = `${basename(place.vaultPath)}.${stamp}.${version}${reason === 'before-upgrade' ? '' : `.${reason}`}.bak`
    if (!existsSync(join(place.backupDir, name))) return name
  }
}

async function placeCopy(place: BackupPlace, target: string, write: Pick<BackupWrite, 'keep' | 'verify' | 'protect'>, fill: (partial: string) => void | Promise<void>): Promise<string> {
  ensurePrivateDir(place.backupDir)
  removeBackupLeftovers(place)
  const partial = `${target.slice(0, -'.bak'.length)}${PARTIAL_INFIX}${randomBytes(6).toString('hex')}`
  try {
    // Created 0600 first: SQLite would make the copy (and its -journal) with the default mode.
    createPrivateFile(partial)
    await fill(partial)
    write.verify?.(partial)
    fsyncFile(partial)
    renameSync(partial, target)
    fsyncDir(place.backupDir)
  } catch (err) {
    rmSync(partial, { force: true })
    throw err instanceof KeyholdError ? err : new KeyholdError('STORAGE_FAILED', { cause: err })
  } finally {
    // The copy is in WAL format like the vault, so even the read-only check leaves an empty -wal and -shm.
    for (const suffix of SIDECARS) rmSync(partial + suffix, { force: true })
  }
  pruneBackups(place, write.keep, write.protect)
  return basename(target)
}

/** Keeps the newest `keep` (never the protected one, which is kept besides). */
export function pruneBackups(place: BackupPlace, keep: number, protect?: string): void {
  const mine = listBackupFiles(place).filter((b) => b.name !== protect)
  const gone = mine.slice(0, Math.max(0, mine.length - Math.max(1, keep)))
  for (const old of gone) rmSync(join(place.backupDir, old.name), { force: true })
}

/** Removes a backup that failed its check after it was written. */
export function removeBackup(place: BackupPlace, name: string): void {
  rmSync(join(place.backupDir, name), { force: true })
}

/** Before the migration's copy: kept as Keyhold always named it, checked with the key at the unlock that follows. */
export async function backupBeforeMigration(db: Database, vaultPath: string, backupDir: string, fromVersion: number, now: Date): Promise<string> {
  const name = await writeBackup(db, { vaultPath, backupDir }, { reason: 'before-upgrade', version: fromVersion, now, keep: BACKUPS_KEPT })
  return join(backupDir, name)
}

/**
 * What a copy stopped mid-way left is never one of the kept: a temporary copy and its sidecars,
 * and (from Keyhold before this) a `.bak` with a -journal beside it, whose copy never finished.
 */
function removeBackupLeftovers(place: BackupPlace): void {
  const prefix = `${basename(place.vaultPath)}.`
  const names = readdirSync(place.backupDir).filter((name) => name.startsWith(prefix))
  for (const name of names) {
    const unfinishedBak = name.endsWith('.bak-journal') ? name.slice(0, -'-journal'.length) : undefined
    if (unfinishedBak !== undefined) rmSync(join(place.backupDir, unfinishedBak), { force: true })
    if (name.includes(PARTIAL_INFIX) || SIDECARS.some((suffix) => name.endsWith(`.bak${suffix}`))) {
      rmSync(join(place.backupDir, name), { force: true })
    }
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

/**
 * Puts a backup at the vault's path whole: its bytes under a temporary name beside the vault,
 * synced, then renamed over it. The vault's -wal and -shm go first: SQLite would replay a WAL
 * left by the replaced file into the restored one (what they held is in the copy kept aside).
 */
export function placeRestoredFile(source: string, vaultPath: string): void {
  const temp = `${vaultPath}.restoring-${randomBytes(6).toString('hex')}`
  let bytes: Buffer | undefined
  try {
    bytes = readFileSync(source)
    createPrivateFile(temp)
    writeFileSync(temp, bytes)
    fsyncFile(temp)
    for (const suffix of SIDECARS) rmSync(vaultPath + suffix, { force: true })
    renameSync(temp, vaultPath)
    fsyncDir(dirname(vaultPath))
  } catch (err) {
    throw err instanceof KeyholdError ? err : new KeyholdError('STORAGE_FAILED', { cause: err })
  } finally {
    bytes?.fill(0)
    rmSync(temp, { force: true })
  }
}
