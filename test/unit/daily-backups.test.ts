import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DailyBackups, RETRY_AFTER_FAILURE_MS, type DailyBackupVault } from '../../electron/core/backups/daily-backups'
import { VaultLifecycle } from '../../electron/core/vault-lifecycle'
import { DAILY_BACKUP_MS } from '../../electron/core/vault/vault'

/** The vault's side as the Vault class implements it: a round that succeeds or fails, and when the next is due. */
class ScriptedVault implements DailyBackupVault {
  rounds = 0
  failing = false
  constructor(private readonly dueAt: () => number) {}
  backupsAfterUnlock(): Promise<void> {
    this.rounds++
    return this.failing ? Promise.reject(new Error('disk full')) : Promise.resolve()
  }
  backupDueAt(): number {
    return this.dueAt()
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the daily backup timer', () => {
  it('never keeps the process alive, and stops when the vault locks', async () => {
    const lifecycle = new VaultLifecycle()
    const vault = new ScriptedVault(() => Date.now() + DAILY_BACKUP_MS)
    const daily = new DailyBackups(vault, Date.now, lifecycle, () => undefined)
    const made: { hasRef(): boolean }[] = []
    const real = globalThis.setTimeout
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms: number) => {
      const t = real(fn, ms) as unknown as { hasRef(): boolean }
      made.push(t)
      return t
    }) as typeof setTimeout)
    try {
      await lifecycle.announce('unlocked')
      await daily.settled()
    } finally {
      spy.mockRestore()
    }
    expect(daily.scheduled).toBe(true)
    expect(made.length).toBeGreaterThan(0)
    expect(made.every((t) => !t.hasRef())).toBe(true)
    await lifecycle.announce('willLock', 'user')
    expect(daily.scheduled).toBe(false)
  })

  it('asks again an hour after a round that failed, not in a loop', async () => {
    const lifecycle = new VaultLifecycle()
    const vault = new ScriptedVault(() => 0) // always due
    vault.failing = true
    let failures = 0
    const daily = new DailyBackups(vault, Date.now, lifecycle, () => failures++)
    await lifecycle.announce('unlocked')
    await daily.settled()
    expect([vault.rounds, failures]).toEqual([1, 1])
    vi.advanceTimersByTime(RETRY_AFTER_FAILURE_MS - 1)
    expect(vault.rounds).toBe(1)
    vi.advanceTimersByTime(1)
    await daily.settled()
    expect([vault.rounds, failures]).toEqual([2, 2])
  })
})
