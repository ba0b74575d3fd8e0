import { afterEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { MemoryClipboard } from '../support/memory-clipboard'
import { call, testCore } from '../support/core'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

let core: KeyholdCore | undefined
const dir = tempDir()
afterEach(async () => {
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
})
