import type { LifecycleSubscriptions } from '../vault-lifecycle'

/**
 * Locks the vault after a stretch with no call from the window (default 10 minutes, DESIGN.md).
 * Every contract call counts as activity; the timer runs only while the vault is unlocked.
 */
export class IdleLock {
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
    lifecycle: LifecycleSubscriptions,
  ) {
    lifecycle.on('unlocked', () => this.touch())
    lifecycle.on('willLock', () => this.stop())
  }

  /** Restarts the countdown (call on unlock and on every request while unlocked). */
  touch(): void {
    this.stop()
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.onIdle()
    }, this.idleMs)
    this.timer.unref?.()
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }

  get running(): boolean {
    return this.timer !== undefined
  }
}

export const DEFAULT_IDLE_LOCK_MS = 10 * 60_000
