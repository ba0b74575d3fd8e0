import type { App, PowerMonitor, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { CoreEvents } from '../../../electron/core/events'
import { forwardCoreEvents, lockOnPowerEvents, shutdownBeforeQuit } from '../../../electron/main/lifecycle'
import { cancellable, contents, Emitter } from './doubles'

const status = { state: 'locked' } as const

describe('locking with the computer', () => {
  it.each([
    ['suspend', 'suspend'],
    ['lock-screen', 'screen-lock'],
  ])('locks the vault on %s, with reason %s', (event, reason) => {
    const power = new Emitter()
    const vault = { lock: vi.fn(async () => status) }
    lockOnPowerEvents(power as unknown as PowerMonitor, vault)
    power.emit(event)
    expect(vault.lock).toHaveBeenCalledExactlyOnceWith(reason)
  })
})

describe('quitting', () => {
  function quitting(shutdown: () => Promise<unknown>) {
    const app = Object.assign(new Emitter(), { quit: vi.fn() })
    shutdownBeforeQuit(app as unknown as App, shutdown)
    const beforeQuit = () => {
      const event = cancellable()
      app.emit('before-quit', event)
      return event
    }
    return { app, beforeQuit }
  }

  it('holds the quit back until core has locked the vault, then quits for real', async () => {
    let finish: () => void = () => undefined
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const { app, beforeQuit } = quitting(shutdown)

    expect(beforeQuit().preventDefault).toHaveBeenCalledOnce()
    expect(shutdown).toHaveBeenCalledOnce()
    expect(app.quit).not.toHaveBeenCalled()

    // A second quit request while locking neither quits early nor locks twice.
    expect(beforeQuit().preventDefault).toHaveBeenCalledOnce()
    expect(shutdown).toHaveBeenCalledOnce()

    finish()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce())
    // The quit that follows goes through.
    expect(beforeQuit().preventDefault).not.toHaveBeenCalled()
    expect(shutdown).toHaveBeenCalledOnce()
  })

  it('still quits if locking fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { app, beforeQuit } = quitting(() => Promise.reject(new Error('disk gone')))
    beforeQuit()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce())
    expect(error).toHaveBeenCalledOnce()
    error.mockRestore()
  })
})

describe('events to the window', () => {
  it('forwards every core event on its own channel, with its payload', () => {
    const events = new CoreEvents()
    const window = contents()
    forwardCoreEvents(events, () => window as unknown as WebContents)
    events.emit('keyhold:vault.changed', { status, reason: 'suspend' })
    events.emit('keyhold:keys.changed', { ids: ['a'] })
    expect(window.send.mock.calls).toEqual([
      ['keyhold:vault.changed', { status, reason: 'suspend' }],
      ['keyhold:keys.changed', { ids: ['a'] }],
    ])
  })

  it('drops events while there is no live window, and stops when unsubscribed', () => {
    const events = new CoreEvents()
    const window = contents()
    let target: WebContents | null = null
    const stop = forwardCoreEvents(events, () => target)
    events.emit('keyhold:keys.changed', { ids: ['a'] })
    target = window as unknown as WebContents
    window.destroyed = true
    events.emit('keyhold:keys.changed', { ids: ['b'] })
    window.destroyed = false
    stop()
    events.emit('keyhold:keys.changed', { ids: ['c'] })
    expect(window.send).not.toHaveBeenCalled()
  })
})
