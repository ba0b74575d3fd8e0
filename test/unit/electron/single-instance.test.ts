import type { App } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { claimSingleInstance, handleInstanceLock } from '../../../electron/main/single-instance'
import { Emitter } from './doubles'

function fakeApp(gotLock: boolean) {
  return Object.assign(new Emitter(), { quit: vi.fn(), requestSingleInstanceLock: vi.fn(() => gotLock) })
}

describe('one instance owns the vault', () => {
  it('a second instance (lock refused) quits at once and never waits for a second launch', () => {
    const app = fakeApp(false)
    const reveal = vi.fn()
    expect(handleInstanceLock(false, app as unknown as App, reveal)).toBe(false)
    expect(app.quit).toHaveBeenCalledOnce()
    expect(app.count('second-instance')).toBe(0)
  })

  it('the first instance carries on and brings its window forward on every later launch', () => {
    const app = fakeApp(true)
    const reveal = vi.fn()
    expect(claimSingleInstance(app as unknown as App, reveal)).toBe(true)
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce()
    expect(app.quit).not.toHaveBeenCalled()
    app.emit('second-instance', {}, ['keyhold'], '/')
    app.emit('second-instance', {}, ['keyhold'], '/')
    expect(reveal).toHaveBeenCalledTimes(2)
  })

  it('claimSingleInstance quits when the lock is held elsewhere', () => {
    const app = fakeApp(false)
    expect(claimSingleInstance(app as unknown as App, vi.fn())).toBe(false)
    expect(app.quit).toHaveBeenCalledOnce()
  })
})
