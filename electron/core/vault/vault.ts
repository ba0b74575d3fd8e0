import { CoreProviders } from '../providers/registry'
import { randomBytes, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import type { KeychainStatus, LockReason, VaultStatus } from '../../shared/dto'
import { KeyholdError } from '../errors'
import { ActivityLog } from '../activity/activity-log'
import { CheckStore } from '../checks/check-store'
import { SettingsStore } from '../checks/settings-store'
import { KeyStore } from '../keys/key-store'
import { RecordCodec } from '../keys/record-codec'
import { SharingIdentityStore } from '../sharing/sharing-identity'
import type { VaultPaths } from '../paths'
import { SerialQueue } from '../../shared/serial-queue'
import { createVaultAtomically } from '../store/atomic-create'
import { latestVersion, openVaultDatabase } from '../store/database'
import { MIGRATIONS, type Migration } from '../store/migrations'
import { vaultFileState } from '../store/vault-file'
import { readHeader, unwrapVaultKey, wrapVaultKey, writeHeader, type VaultHeader } from './header'
import { assertKdfParamsInRange, SHIPPED_KDF, type KdfParams } from './kdf-params'
import { createWorkerKdf, type KdfRunner } from './kdf-worker'
import { VaultLifecycle, type LifecycleSubscriptions, type VaultLifecycleOptions } from '../vault-lifecycle'
import { assessPassword } from './password-policy'
import { passwordAttemptsFile } from './password-attempts-file'
import { PasswordThrottle } from './password-throttle'
import type { KeychainPort } from './keychain-port'
import { keychainFile, KeychainUnlock } from './keychain-unlock'
import type { BackupFailure, BackupInfo, BackupList, BackupPreview, BackupReason } from '../../shared/backups'
import { assertCanary, openBackupCopy, previewContents } from '../backups/backup-contents'
import {
  describeBackups,
  keepVaultAside,
  listBackupFiles,
  parseBackupName,
  placeRestoredFile,
  removeBackup,
  writeBackup,
  type BackupPlace,
} from '../store/backups'

/** The daily backup is due this long after the newest one (or after the vault was made). */
export const DAILY_BACKUP_MS = 24 * 60 * 60 * 1000
/** A restore while locked cannot read the vault's setting, so it removes no backup; the next backup rotates. */
const KEEP_ALL = Number.MAX_SAFE_INTEGER

export interface VaultOptions {
  readonly paths: VaultPaths
  readonly kdf?: KdfRunner
  /** Parameters for new vaults and password changes; tests may pass cheaper ones above the floor. */
  readonly kdfParams?: Omit<KdfParams, 'salt' | 'algorithm'>
  readonly migrations?: readonly Migration[]
  readonly now?: () => number
  readonly sleep?: (ms: number) => Promise<void>
  readonly onChange?: (status: VaultStatus, reason?: LockReason) => void
  /** Bounds and reporting for the participants of `unlocked` and `willLock`. */
  readonly lifecycle?: VaultLifecycleOptions
  /** Records found damaged after unlock, by the background check of the list snapshot. */
  readonly onKeysDamaged?: (ids: readonly string[]) => void
  /** The registered providers (labels, search fields, settings defaults); the built-ins unless a host registers more. */
  readonly providers?: CoreProviders
  /** The OS keychain from the host; without one, keychain unlock says it is unavailable. */
  readonly keychain?: KeychainPort
  /** Told when a backup was made, failed its check (and was removed), or was restored: the reason only. */
  readonly onBackup?: (event: 'made' | 'failed' | 'restored', reason: BackupReason) => void
}

/** The key a backup is read with: the vault's own (copied), or one unwrapped from the backup's header with the password given. */
interface BackupKey {
  readonly codec: RecordCodec
  release(): void
}

interface Unlocked {
  readonly db: Database
  readonly vaultKey: Buffer
  readonly vaultId: string
  readonly codec: RecordCodec
  readonly keys: KeyStore
  readonly checks: CheckStore
  readonly settings: SettingsStore
  readonly activity: ActivityLog
  readonly sharing: SharingIdentityStore
}

/**
 * The vault's life: create, unlock, lock, change password. While unlocked it holds the database
 * handle, the vault key and the decrypted key list; locking wipes and drops all three.
 */
export class Vault {
  private open: Unlocked | undefined
  private readonly queue = new SerialQueue()
  private readonly throttle: PasswordThrottle
  private readonly kdf: KdfRunner
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly transitions: VaultLifecycle
  /** Where checks, captures, the clipboard and the idle timer join the vault's transitions. */
  readonly lifecycle: LifecycleSubscriptions
  private readonly keychain: KeychainUnlock
  private lastBackupFailure: BackupFailure | null = null
  /** Upgrade copies checked with the vault key since start: they were made before any key was known. */
  private readonly checkedUpgradeCopies = new Set<string>()

  constructor(private readonly options: VaultOptions) {
    this.transitions = new VaultLifecycle(options.lifecycle)
    this.lifecycle = this.transitions
    this.kdf = options.kdf ?? createWorkerKdf()
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)))
    this.throttle = new PasswordThrottle(passwordAttemptsFile(options.paths.dataDir), { now: this.now, sleep: this.sleep })
    // Any unlock clears the count, a create's too: the count belonged to the vault it replaced.
    this.transitions.on('unlocked', () => this.throttle.reset())
    this.keychain = new KeychainUnlock(options.keychain, keychainFile(options.paths.vaultFile))
  }

  status(): VaultStatus {
    if (this.open) return this.open.db.readonly ? { state: 'unlocked', readOnly: true } : { state: 'unlocked' }
    const found = vaultFileState(this.options.paths.vaultFile, latestVersion(this.options.migrations ?? MIGRATIONS))
    return { state: found === 'present' ? 'locked' : found }
  }

  /** The keys of the unlocked vault; VAULT_LOCKED otherwise. */
  keys(): KeyStore {
    return this.unlocked().keys
  }

  checks(): CheckStore {
    return this.unlocked().checks
  }

  settings(): SettingsStore {
    return this.unlocked().settings
  }

  activity(): ActivityLog {
    return this.unlocked().activity
  }

  /** The vault's sharing identity (age X25519), sealed with the vault key. */
  sharing(): SharingIdentityStore {
    return this.unlocked().sharing
  }

  private unlocked(): Unlocked {
    if (!this.open) throw new KeyholdError('VAULT_LOCKED')
    return this.open
  }

  /**
   * Makes a new vault and opens it. `replaceUnfinished`: the person agreed to start over where an
   * earlier create was stopped (status `unfinished`); a vault that exists is never replaced.
   */
  create(password: string, { replaceUnfinished = false }: { replaceUnfinished?: boolean } = {}): Promise<VaultStatus> {
    return this.queue.run(async () => {
      if (this.open) throw new KeyholdError('VAULT_EXISTS')
      const found = this.status().state
      if (found === 'locked') throw new KeyholdError('VAULT_EXISTS')
      if (found === 'unfinished' && !replaceUnfinished) throw new KeyholdError('VAULT_UNFINISHED')
      await assertStrong(password)
      const vaultId = randomUUID()
      const kdf = this.newKdfParams()
      const vaultKey = randomBytes(32)
      let db: Database
      try {
        const wrappedKey = await this.wrap(password, vaultKey, vaultId, kdf)
        await createVaultAtomically(this.storeOptions(), (built) => writeHeader(built, { vaultId, kdf, wrappedKey }, this.now()), found === 'unfinished')
        db = await openVaultDatabase(this.storeOptions())
      } catch (err) {
        vaultKey.fill(0)
        throw err
      }
      return this.announceUnlocked(this.becomeUnlocked(db, vaultKey, vaultId))
    })
  }

  /** Wrong passwords take turns and pause through the throttle, outside the vault's queue (a lock never waits on them). */
  unlock(password: string): Promise<VaultStatus> {
    return this.throttle.attempt(() =>
      this.queue.run(async () => {
        if (this.open) return this.status()
        const db = await openVaultDatabase(this.storeOptions())
        let header: VaultHeader
        let vaultKey: Buffer
        try {
          header = readHeader(db)
          vaultKey = await this.unwrap(password, header)
        } catch (err) {
          db.close()
          throw err
        }
        return this.announceUnlocked(this.becomeUnlocked(db, vaultKey, header.vaultId))
      }),
    )
  }

  /**
   * Tells every willLock participant and waits for all of them while the key is still here (a
   * failing or hanging one is contained), then wipes. The wipe happens whatever they did.
   */
  lock(reason: LockReason = 'user'): Promise<VaultStatus> {
    return this.queue.run(async () => {
      if (!this.open) return this.status()
      await this.transitions.announce('willLock', reason)
      this.lockNow(reason)
      return this.status()
    })
  }

  /**
   * Re-wraps the vault key under the new password; no record is re-encrypted. The current
   * password is checked through the same throttle as unlock: a guess here counts there too.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<VaultStatus> {
    // A weak new password is refused before the turn: no password was checked, nothing to pause.
    if (!this.open) throw new KeyholdError('VAULT_LOCKED')
    await assertStrong(newPassword, 'newPassword')
    return this.throttle.attempt(() =>
      this.queue.run(async () => {
        if (!this.open) throw new KeyholdError('VAULT_LOCKED')
        const { db } = this.open
        const header = readHeader(db)
        const check = await this.unwrap(currentPassword, header).catch((err: unknown) => {
          if (err instanceof KeyholdError && err.code === 'WRONG_PASSWORD') {
            throw new KeyholdError('WRONG_PASSWORD', { field: 'currentPassword', message: 'That is not the current master password.' })
          }
          throw err
        })
        check.fill(0)
        const kdf = this.newKdfParams()
        const wrappedKey = await this.wrap(newPassword, this.open.vaultKey, header.vaultId, kdf)
        writeHeader(db, { vaultId: header.vaultId, kdf, wrappedKey }, this.now())
        return this.status()
      }),
    )
  }

  keychainStatus(): Promise<KeychainStatus> {
    return this.keychain.status(this.open ? readHeader(this.open.db).vaultId : undefined)
  }

  /**
   * Turning on proves the master password first, through the same throttle as unlock (a guess
   * here counts there too); the vault key itself never leaves core.
   */
  setKeychainUnlock(enabled: boolean, password = ''): Promise<KeychainStatus> {
    const change = () => this.queue.run(async () => {
      const { db, vaultKey } = this.unlocked()
      const header = readHeader(db)
      if (enabled) {
        const check = await this.unwrap(password, header).catch((err: unknown) => {
          if (err instanceof KeyholdError && err.code === 'WRONG_PASSWORD') throw new KeyholdError('WRONG_PASSWORD', { field: 'password' })
          throw err
        })
        check.fill(0)
        await this.keychain.enable(header.vaultId, vaultKey)
      } else {
        await this.keychain.disable(header.vaultId)
      }
      this.recordKeychain(enabled ? 'keychain-on' : 'keychain-off')
      return this.keychain.status(header.vaultId)
    })
    return enabled ? this.throttle.attempt(change) : change()
  }

  /** Not throttled: no password is tried, and a keychain entry that fails is forgotten at once. */
  unlockWithKeychain(): Promise<VaultStatus> {
    return this.queue.run(async () => {
      if (this.open) return this.status()
      this.keychain.assertEnabled()
      const db = await openVaultDatabase(this.storeOptions())
      let header: VaultHeader
      let vaultKey: Buffer
      try {
        header = readHeader(db)
        vaultKey = await this.keychain.open(header.vaultId)
      } catch (err) {
        db.close()
        throw err
      }
      const status = this.becomeUnlocked(db, vaultKey, header.vaultId)
      this.recordKeychain('keychain-unlocked')
      return this.announceUnlocked(status)
    })
  }

  /**
   * Into the vault's timeline, so a person can see when it was opened without the password. Not
   * a condition of the change: a vault on a read-only or full disk still unlocks, and the keychain
   * entry is already on or off when this runs.
   */
  private recordKeychain(kind: 'keychain-on' | 'keychain-off' | 'keychain-unlocked'): void {
    try {
      this.open?.activity.record(kind, null)
    } catch {
      // A full or read-only disk: the entry says only that it happened, and nothing is lost without it.
    }
  }

  /** This vault's backups; in the queue, so one being made is listed once it is done. */
  listBackups(): Promise<BackupList> {
    return this.queue.run(async () => ({ backups: describeBackups(this.backupPlace(), this.checkedUpgradeCopies).reverse(), lastFailure: this.lastBackupFailure }))
  }

  /** A backup now, checked with the vault key before it is kept. */
  backupNow(reason: 'daily' | 'manual'): Promise<BackupInfo> {
    return this.queue.run(() => this.writeCheckedBackup(reason))
  }

  /** When the next daily backup is due: a day after the newest backup, or after the vault was made. */
  backupDueAt(): number {
    const { db } = this.unlocked()
    const newest = listBackupFiles(this.backupPlace()).filter((b) => !b.damagedCopy).at(-1)?.at
    const created = db.prepare('SELECT created_at FROM vault_header WHERE id = 1').pluck().get() as number | undefined
    return (newest ?? created ?? this.now()) + DAILY_BACKUP_MS
  }

  /**
   * After an unlock (queued behind it, so the unlock never waits): the copies an upgrade made
   * before any key was known are checked with it, and the day's backup is made when due.
   */
  backupsAfterUnlock(): Promise<void> {
    return this.queue.run(async () => {
      if (!this.open) return
      this.checkUpgradeCopies()
      if (!this.open.db.readonly && this.backupDueAt() <= this.now()) await this.writeCheckedBackup('daily')
    })
  }

  /** What a backup holds; while locked (or damaged) with the master password of the backup's own header. */
  previewBackup(backupId: string, password?: string): Promise<BackupPreview> {
    return this.withBackupTurn(password, async () => {
      const { path, entry } = this.findBackup(backupId)
      const copy = openBackupCopy(path)
      try {
        const key = await this.backupKey(copy, password)
        try {
          assertCanary(copy, key.codec)
          return previewContents(copy, key.codec, backupId, entry.at)
        } finally {
          key.release()
        }
      } finally {
        copy.close()
      }
    })
  }

  /**
   * Puts a backup in the vault's place. The backup is checked first (integrity and the canary,
   * with the key it will be unlocked with); the vault as it is now is kept as a backup (a byte
   * copy when SQLite cannot read it); then the backup replaces it whole (temporary file, fsync,
   * rename). The vault ends locked: the restored file is unlocked with its own master password.
   */
  restoreBackup(backupId: string, password?: string): Promise<VaultStatus> {
    return this.withBackupTurn(password, async () => {
      const { path, entry } = this.findBackup(backupId)
      const copy = openBackupCopy(path)
      let key: BackupKey | undefined
      try {
        key = await this.backupKey(copy, password)
        assertCanary(copy, key.codec)
      } catch (err) {
        key?.release()
        throw err
      } finally {
        copy.close()
      }
      try {
        if (this.open) {
          await this.writeCheckedBackup('before-restore', backupId)
          await this.transitions.announce('willLock', 'user')
          this.lockNow('user')
        } else {
          await keepVaultAside(this.backupPlace(), new Date(this.now()), KEEP_ALL, backupId, canaryCheck(key.codec))
        }
        placeRestoredFile(path, this.options.paths.vaultFile)
        await this.recordRestored(key.codec)
        this.options.onBackup?.('restored', entry.reason)
      } finally {
        key.release()
      }
      const status = this.status()
      this.options.onChange?.(status)
      return status
    })
  }

  private backupPlace(): BackupPlace {
    return { vaultPath: this.options.paths.vaultFile, backupDir: this.options.paths.backupDir }
  }

  /** A password is a guess: it takes its turn through the throttle, as unlock's does. */
  private withBackupTurn<T>(password: string | undefined, run: () => Promise<T>): Promise<T> {
    return password === undefined ? this.queue.run(run) : this.throttle.attempt(() => this.queue.run(run))
  }

  private findBackup(backupId: string) {
    const place = this.backupPlace()
    const entry = parseBackupName(place, backupId)
    if (!entry) throw new KeyholdError('BACKUP_NOT_FOUND')
    // A byte copy of a damaged vault is kept for the person (or support), never put back.
    if (entry.damagedCopy) throw new KeyholdError('BACKUP_DAMAGED')
    return { path: join(place.backupDir, backupId), entry }
  }

  private async backupKey(copy: Database, password: string | undefined): Promise<BackupKey> {
    let header: VaultHeader
    try {
      header = readHeader(copy)
    } catch (err) {
      throw new KeyholdError('BACKUP_DAMAGED', { cause: err })
    }
    if (password !== undefined) {
      const vaultKey = await this.unwrap(password, header).catch((err: unknown) => {
        if (err instanceof KeyholdError && err.code === 'WRONG_PASSWORD') {
          throw new KeyholdError('WRONG_PASSWORD', { field: 'password', message: 'That is not the master password this backup was made with.' })
        }
        throw err
      })
      return ownedKey(vaultKey, header.vaultId)
    }
    // Changing the password only re-wraps the vault key: every backup of this vault opens with it.
    if (this.open && this.open.vaultId === header.vaultId) return ownedKey(Buffer.from(this.open.vaultKey), header.vaultId)
    throw new KeyholdError('BACKUP_PASSWORD_NEEDED', { field: 'password' })
  }

  private async writeCheckedBackup(reason: Exclude<BackupReason, 'before-upgrade'>, protect?: string): Promise<BackupInfo> {
    const { db, settings, codec } = this.unlocked()
    const place = this.backupPlace()
    try {
      // The canary: a vault that never saved its settings (and may hold no key) gets its sealed row now.
      if (!settings.stored()) settings.update({})
      const name = await writeBackup(db, place, {
        reason,
        version: Number(db.pragma('user_version', { simple: true })),
        now: new Date(this.now()),
        keep: settings.get().backups.keep,
        verify: canaryCheck(codec),
        ...(protect !== undefined ? { protect } : {}),
      })
      this.options.onBackup?.('made', reason)
      const made = describeBackups(place, this.checkedUpgradeCopies).find((b) => b.backupId === name)
      if (!made) throw new KeyholdError('STORAGE_FAILED')
      return made
    } catch (err) {
      this.lastBackupFailure = { at: this.now(), reason }
      this.options.onBackup?.('failed', reason)
      throw err
    }
  }

  /** Copies made before an upgrade, with no key at hand, are checked at the unlock that follows. */
  private checkUpgradeCopies(): void {
    const { codec, vaultId } = this.unlocked()
    const place = this.backupPlace()
    for (const b of listBackupFiles(place)) {
      if (b.reason !== 'before-upgrade' || b.damagedCopy || this.checkedUpgradeCopies.has(b.name)) continue
      let copy: Database | undefined
      try {
        copy = openBackupCopy(join(place.backupDir, b.name))
        // Another vault's copy (one this folder held before) is not this key's to judge.
        if (readHeader(copy).vaultId !== vaultId) continue
        assertCanary(copy, codec)
        this.checkedUpgradeCopies.add(b.name)
      } catch {
        removeBackup(place, b.name)
        this.lastBackupFailure = { at: this.now(), reason: 'before-upgrade' }
        this.options.onBackup?.('failed', 'before-upgrade')
      } finally {
        copy?.close()
      }
    }
  }

  /** Into the restored vault's own timeline; the restore stands without it (a full disk). */
  private async recordRestored(codec: RecordCodec): Promise<void> {
    let db: Database | undefined
    try {
      db = await openVaultDatabase(this.storeOptions())
      new ActivityLog(db, codec, this.now).record('restored', null)
    } catch {
      // The file is in place and was checked; the next unlock says if anything is wrong with it.
    } finally {
      db?.close()
    }
  }

  private lockNow(reason: LockReason): void {
    const open = this.open
    if (!open) return
    this.open = undefined
    open.keys.close()
    open.vaultKey.fill(0)
    open.db.close()
    this.options.onChange?.(this.status(), reason)
  }

  /** The window has heard of the unlock already; the participants finish before the call answers. */
  private async announceUnlocked(status: VaultStatus): Promise<VaultStatus> {
    await this.transitions.announce('unlocked')
    return status
  }

  private becomeUnlocked(db: Database, vaultKey: Buffer, vaultId: string): VaultStatus {
    try {
      const codec = new RecordCodec(vaultKey, vaultId)
      const checks = new CheckStore(db, codec)
      const providers = this.options.providers ?? new CoreProviders()
      const keys = new KeyStore(db, codec, this.now, providers, this.options.onKeysDamaged, checks.latest())
      this.open = { db, vaultKey, vaultId, codec, keys, checks, settings: new SettingsStore(db, codec, this.now, providers.registry), activity: new ActivityLog(db, codec, this.now), sharing: new SharingIdentityStore(db, codec, this.now) }
    } catch (err) {
      vaultKey.fill(0)
      db.close()
      throw err
    }
    const status = this.status()
    this.options.onChange?.(status)
    return status
  }

  private async wrap(password: string, vaultKey: Buffer, vaultId: string, kdf: KdfParams): Promise<Buffer> {
    const passwordKey = await this.kdf.derive(password, kdf)
    try {
      return wrapVaultKey(passwordKey, vaultKey, vaultId, kdf)
    } finally {
      passwordKey.fill(0)
    }
  }

  private async unwrap(password: string, header: VaultHeader): Promise<Buffer> {
    // Checked here as well as in the runner: a header below the floor never reaches any KDF.
    assertKdfParamsInRange(header.kdf)
    const passwordKey = await this.kdf.derive(password, header.kdf)
    try {
      return unwrapVaultKey(passwordKey, header)
    } finally {
      passwordKey.fill(0)
    }
  }

  private newKdfParams(): KdfParams {
    return { algorithm: 'argon2id', ...(this.options.kdfParams ?? SHIPPED_KDF), salt: randomBytes(16) }
  }

  private storeOptions() {
    const { vaultFile, backupDir } = this.options.paths
    return {
      path: vaultFile,
      backupDir,
      now: () => new Date(this.now()),
      ...(this.options.migrations ? { migrations: this.options.migrations } : {}),
    }
  }
}

/** Checks a copy just written: SQLite's integrity check, then the canary with the key. */
function canaryCheck(codec: RecordCodec): (path: string) => void {
  return (path) => {
    const copy = openBackupCopy(path)
    try {
      assertCanary(copy, codec)
    } finally {
      copy.close()
    }
  }
}

function ownedKey(vaultKey: Buffer, vaultId: string): BackupKey {
  const codec = new RecordCodec(vaultKey, vaultId)
  return { codec, release: () => vaultKey.fill(0) }
}

async function assertStrong(password: string, field = 'password'): Promise<void> {
  const assessment = await assessPassword(password)
  if (!assessment.acceptable) {
    throw new KeyholdError('WEAK_PASSWORD', { field, message: `Choose a stronger master password. ${assessment.reason}` })
  }
}
