import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IdleLock } from '../../electron/core/vault/idle-lock'
import { VaultLifecycle } from '../../electron/core/vault-lifecycle'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('idle lock', () => {
  it('fires once after the idle time, and every touch starts the countdown again', () => {
    const onIdle = vi.fn()
    const idle = new IdleLock(600_000, onIdle, new VaultLifecycle())
    idle.touch()
    vi.advanceTimersByTime(599_000)
    idle.touch()
    vi.advanceTimersByTime(599_000)
    expect(onIdle).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1_000)
    expect(onIdle).toHaveBeenCalledTimes(1)
    expect(idle.running).toBe(false)
    vi.advanceTimersByTime(3_600_000)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('does nothing once stopped (the vault locked some other way)', () => {
    const onIdle = vi.fn()
    const idle = new IdleLock(1000, onIdle, new VaultLifecycle())
    idle.touch()
    idle.stop()
    vi.advanceTimersByTime(10_000)
    expect(onIdle).not.toHaveBeenCalled()
  })
})
