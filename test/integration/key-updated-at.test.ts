import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, testCore } from '../support/core'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

let dir: ReturnType<typeof tempDir>
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

describe("a key update's timestamp", () => {
  it('is strictly later than the last write even when the clock answers the same ms twice', async () => {
    // The list snapshot tells two versions of a record apart by updated_at and the meta tag; a
    // frozen (or stepped-back) clock must still move updated_at forward.
    const frozen = Date.parse('2026-11-30T12:00:00Z')
    const core = testCore(dir.path, { now: () => frozen })
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const added = await call(core, 'keyhold:keys.add', sampleKeys('clock')[0])
    const first = await call(core, 'keyhold:keys.update', { id: added.id, changes: { name: 'Renamed once' } })
    const second = await call(core, 'keyhold:keys.update', { id: added.id, changes: { name: 'Renamed twice' } })
    expect(first.updatedAt).toBeGreaterThan(added.updatedAt)
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt)
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    // What the real store wrote, read back after the snapshot round trip.
    expect(await call(core, 'keyhold:keys.get', { id: added.id })).toMatchObject({ name: 'Renamed twice', updatedAt: second.updatedAt })
    await core.shutdown()
  })
})
