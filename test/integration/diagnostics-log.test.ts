// The diagnostics log as core composes it: where it is written, what the background parts of core
// record there, and that a log that cannot be written never costs the person an action.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LogRecord } from '../../electron/core/diagnostics/log-record'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { call, callError, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { MemoryClipboard } from '../support/memory-clipboard'

const CANARY = 'CANARY-diagnostics-3d1e'
// Past its expiry, so a check answers "expired" without any network.
const EXPIRED_KEY = { name: 'Old key', details: { provider: 'spreeflo', keyName: 'sync' }, expiresOn: '2020-01-31', secret: `${CANARY}-secret` }

let dir: ReturnType<typeof tempDir>
let core: KeyholdCore | undefined
afterEach(async () => {
  await core?.shutdown()
  core = undefined
  dir.remove()
})

async function openCore(): Promise<KeyholdCore> {
  dir = tempDir('keyhold-diag-')
  core = testCore(dir.path, { clipboard: new MemoryClipboard() })
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  return core
}

const logRecords = (c: KeyholdCore): LogRecord[] =>
  readFileSync(join(c.paths.dataDir, 'logs', 'keyhold.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogRecord)

describe('what core records in the background', () => {
  it('a check-all result the store refuses is logged under keyhold:checks.start, with its frames', async () => {
    const c = await openCore()
    const { id } = await call(c, 'keyhold:keys.add', EXPIRED_KEY)
    vi.spyOn(c.vault.checks(), 'add').mockImplementationOnce(() => {
      throw new TypeError(`refused ${CANARY}`)
    })
    const finished = new Promise<void>((resolve) => c.events.subscribe((event) => event === 'keyhold:checks.finished' && resolve()))
    await call(c, 'keyhold:checks.start', { ids: [id] })
    await finished
    const failed = logRecords(c).filter((r) => r.channel === 'keyhold:checks.start')
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ level: 'error', error: { name: 'TypeError', code: 'INTERNAL' } })
    expect(failed[0]?.error?.frames?.some((f) => f.includes('check-runner.ts'))).toBe(true)
    expect(JSON.stringify(logRecords(c))).not.toContain(CANARY)
  })

  it('a check-all run that fails as a whole is logged instead of vanishing', async () => {
    const c = await openCore()
    const { id } = await call(c, 'keyhold:keys.add', EXPIRED_KEY)
    // A listener that throws on the run's last event makes the run itself reject.
    c.events.subscribe((event) => {
      if (event === 'keyhold:checks.finished') throw new RangeError(CANARY)
    })
    await call(c, 'keyhold:checks.start', { ids: [id] })
    await vi.waitFor(() => expect(logRecords(c).some((r) => r.channel === 'keyhold:checks.start')).toBe(true))
    expect(logRecords(c).find((r) => r.channel === 'keyhold:checks.start')).toMatchObject({ error: { name: 'RangeError', code: 'INTERNAL' } })
  })

  it('a lifecycle step that fails is recorded by the event it ran on, never by its error', async () => {
    const c = await openCore()
    c.vault.lifecycle.on('willLock', () => {
      throw new Error(CANARY)
    })
    await call(c, 'keyhold:vault.lock')
    expect(logRecords(c).filter((r) => r.event === 'vault.participant-failed').map((r) => r.fields)).toEqual([{ on: 'willLock' }])
    expect(JSON.stringify(logRecords(c))).not.toContain(CANARY)
  })
})

describe('a log that cannot be written', () => {
  it('costs no action: with logs/ blocked by a file, create, add, copy, errors and lock all answer as usual', async () => {
    dir = tempDir('keyhold-diag-')
    writeFileSync(join(dir.path, 'logs'), 'not a folder')
    core = testCore(dir.path, { clipboard: new MemoryClipboard() })
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const { id } = await call(core, 'keyhold:keys.add', EXPIRED_KEY)
    expect((await call(core, 'keyhold:keys.copy', { id, field: 'secret' })).keyId).toBe(id)
    expect(await callError(core, 'keyhold:keys.get', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'KEY_NOT_FOUND' })
    expect(await call(core, 'keyhold:vault.lock')).toEqual({ state: 'locked' })
    expect(readFileSync(join(dir.path, 'logs'), 'utf8')).toBe('not a folder')
  })
})
