import { CoreProviders } from '../providers/registry'
import { randomBytes, randomUUID } from 'node:crypto'
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
}

interface Unlocked {
  readonly db: Database
  readonly vaultKey: Buffer
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
      this.open = { db, vaultKey, keys, checks, settings: new SettingsStore(db, codec, this.now, providers.registry), activity: new ActivityLog(db, codec, this.now), sharing: new SharingIdentityStore(db, codec, this.now) }
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

async function assertStrong(password: string, field = 'password'): Promise<void> {
  const assessment = await assessPassword(password)
  if (!assessment.acceptable) {
    throw new KeyholdError('WEAK_PASSWORD', { field, message: `Choose a stronger master password. ${assessment.reason}` })
  }
}
