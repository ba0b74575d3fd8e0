import type { LifecycleSubscriptions } from '../vault-lifecycle'
import { DAILY_BACKUP_MS } from '../vault/vault'

/** What the daily backups need of the vault. */
export interface DailyBackupVault {
  /** Checks upgrade copies with the key and makes the day's backup when due; queued behind the unlock. */
  backupsAfterUnlock(): Promise<void>
  /** When the next one is due (throws VAULT_LOCKED once locked). */
  backupDueAt(): number
}

/** Never sooner than this between two rounds. */
const MIN_DELAY_MS = 60_000
/** After a round that failed (a full disk, a copy that failed its check): asked again, not in a loop. */
export const RETRY_AFTER_FAILURE_MS = 60 * 60_000

/**
 * The daily backup while the vault is in use (DESIGN.md, "Files in and out"): on every unlock
 * when the newest backup is older than a day, and, while the vault stays unlocked, a day after
 * the last one. The timer never keeps the process alive and stops when the vault locks.
 */
export class DailyBackups {
  private timer: ReturnType<typeof setTimeout> | undefined
  private round: Promise<void> = Promise.resolve()

  constructor(
    private readonly vault: DailyBackupVault,
    private readonly now: () => number,
    lifecycle: LifecycleSubscriptions,
    private readonly onFailed: () => void,
  ) {
    // Not awaited: the unlock answers first, and the round runs in the vault's queue after it.
    lifecycle.on('unlocked', () => this.start())
    lifecycle.on('willLock', () => this.stop())
  }

  /** Resolves once the round under way has finished. */
  settled(): Promise<void> {
    return this.round
  }

  private start(): void {
    this.stop()
    this.round = this.vault.backupsAfterUnlock().then(
      () => this.schedule(false),
      () => {
        this.onFailed()
        this.schedule(true)
      },
    )
  }

  private schedule(failed: boolean): void {
    let due: number
    try {
      due = this.vault.backupDueAt()
    } catch {
      return // locked meanwhile: the next unlock starts again
    }
    this.stop()
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.start()
    }, failed ? RETRY_AFTER_FAILURE_MS : Math.min(Math.max(MIN_DELAY_MS, due - this.now()), DAILY_BACKUP_MS))
    this.timer.unref?.()
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }

  get scheduled(): boolean {
    return this.timer !== undefined
  }
}
