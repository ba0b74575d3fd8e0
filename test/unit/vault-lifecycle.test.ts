import { deferred, settled } from '../support/async'
import { describe, expect, it, vi } from 'vitest'
import { VaultLifecycle, type LifecycleEvent } from '../../electron/core/vault-lifecycle'

/** A promise with its resolve at hand, so a test decides when a participant finishes. */

describe('the vault lifecycle', () => {
  it('tells every willLock participant the reason and waits for the slowest', async () => {
    const lifecycle = new VaultLifecycle()
    const slow = deferred()
    const heard: string[] = []
    lifecycle.on('willLock', async (reason) => {
      heard.push(`slow:${reason}`)
      await slow.promise
    })
    lifecycle.on('willLock', (reason) => void heard.push(`quick:${reason}`))
    const announced = lifecycle.announce('willLock', 'idle')
    expect(await settled(announced)).toBe(false)
    expect(heard).toEqual(['slow:idle', 'quick:idle'])
    slow.resolve()
    expect(await settled(announced)).toBe(true)
  })

  it('contains a participant that throws or rejects: the others run and the announcement resolves', async () => {
    const failed: LifecycleEvent[] = []
    const lifecycle = new VaultLifecycle({ onParticipantFailed: (event) => failed.push(event) })
    const after = vi.fn()
    lifecycle.on('willLock', () => {
      throw new Error('CANARY-participant-error')
    })
    lifecycle.on('willLock', async () => Promise.reject(new Error('CANARY-participant-rejection')))
    lifecycle.on('willLock', after)
    await expect(lifecycle.announce('willLock', 'user')).resolves.toBeUndefined()
    expect(after).toHaveBeenCalledWith('user')
    expect(failed).toEqual(['willLock', 'willLock'])
  })

  it('goes on without a participant that never finishes, after its time is up', async () => {
    const failed: LifecycleEvent[] = []
    const lifecycle = new VaultLifecycle({ participantTimeoutMs: 30, onParticipantFailed: (event) => failed.push(event) })
    lifecycle.on('willLock', () => new Promise<void>(() => undefined))
    await lifecycle.announce('willLock', 'quit')
    expect(failed).toEqual(['willLock'])
  })

  it('reports a failure without its text', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const lifecycle = new VaultLifecycle()
      lifecycle.on('unlocked', () => {
        throw new Error('CANARY-secret-in-error')
      })
      await lifecycle.announce('unlocked')
      expect(warn).toHaveBeenCalledTimes(1)
      expect(JSON.stringify(warn.mock.calls)).not.toContain('CANARY')
    } finally {
      warn.mockRestore()
    }
  })

  it('keeps events apart, and an unsubscribed participant is not told', async () => {
    const lifecycle = new VaultLifecycle()
    const onUnlock = vi.fn()
    const onLock = vi.fn()
    lifecycle.on('unlocked', onUnlock)
    const leave = lifecycle.on('willLock', onLock)
    // The same function twice is two subscriptions; leaving one keeps the other.
    lifecycle.on('willLock', onLock)
    await lifecycle.announce('unlocked')
    expect(onUnlock).toHaveBeenCalledTimes(1)
    expect(onLock).not.toHaveBeenCalled()
    leave()
    await lifecycle.announce('willLock', 'user')
    expect(onLock).toHaveBeenCalledTimes(1)
  })
})
