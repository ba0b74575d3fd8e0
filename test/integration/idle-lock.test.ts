import { afterEach, describe, expect, it, vi } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { MemoryClipboard } from '../support/memory-clipboard'
import { call, testCore } from '../support/core'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

let core: KeyholdCore | undefined
const dir = tempDir()
afterEach(async () => {
  vi.useRealTimers()
  await core?.shutdown()
  dir.remove()
})

describe('auto-lock after idle time', () => {
  it('locks a vault nobody uses, says why, and clears a copied key', async () => {
    const clipboard = new MemoryClipboard()
    core = testCore(dir.path, { idleLockMs: 400, clipboard })
    const locked = new Promise<unknown>((resolve) =>
      core?.events.subscribe((event, payload) => {
        if (event === 'keyhold:vault.changed' && (payload as { status: { state: string } }).status.state === 'locked') resolve(payload)
      }),
    )
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const { id } = await call(core, 'keyhold:keys.add', sampleKeys('idle')[2])
    await call(core, 'keyhold:keys.copy', { id, field: 'secret' })
    expect(clipboard.text).not.toBe('')
    expect(await locked).toMatchObject({ reason: 'idle' })
    expect(await call(core, 'keyhold:vault.status')).toMatchObject({ state: 'locked' })
    expect(clipboard.text).toBe('')
  })

  it('restarts the countdown on every call from the window, through the one handle path', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    core = testCore(dir.path, { idleLockMs: 1000, clipboard: new MemoryClipboard() })
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(600)
      // A call that fails validation still counts: the person is there.
      await core.handlers['keyhold:keys.search']({ query: 42 })
    }
    // 2.4 s since unlock, never 1 s without a call: still open.
    expect(await call(core, 'keyhold:vault.status')).toMatchObject({ state: 'unlocked' })
    await vi.advanceTimersByTimeAsync(1001)
    expect(await call(core, 'keyhold:vault.status')).toMatchObject({ state: 'locked' })
  })
})
