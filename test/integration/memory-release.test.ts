// Core gives its unused memory back after an unlock and after a lock (issue 10's 110 MiB for
// 10,000 keys rests on it), and says so in its diagnostics log with figures only.
import { afterEach, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { call, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { MemoryClipboard } from '../support/memory-clipboard'
import { MemoryLogger } from '../support/memory-logger'

let dir: ReturnType<typeof tempDir> | undefined
let core: KeyholdCore | undefined
afterEach(async () => {
  await core?.shutdown()
  dir?.remove()
})

/** Resolves with the next `memory.released` record's fields. */
function nextRelease(logger: MemoryLogger): Promise<Record<string, unknown>> {
  const seen = logger.records.length
  return new Promise((resolve) => {
    const look = () => {
      const found = logger.records.slice(seen).find((r) => r.event === 'memory.released')
      if (found) resolve(found.fields ?? {})
      else setImmediate(look)
    }
    look()
  })
}

it('gives memory back once the vault is unlocked, and again once it is locked', async () => {
  dir = tempDir('keyhold-memory-')
  const logger = new MemoryLogger()
  core = testCore(dir.path, { clipboard: new MemoryClipboard(), logger, releaseMemoryAfterMs: 0 })

  const afterCreate = nextRelease(logger)
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  const fields = await afterCreate
  expect(Object.keys(fields).sort()).toEqual(['ms', 'rssMb'])
  expect(fields['rssMb']).toBeGreaterThan(0)

  const afterLock = nextRelease(logger)
  await call(core, 'keyhold:vault.lock')
  await afterLock

  const afterUnlock = nextRelease(logger)
  await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
  await afterUnlock
})
