import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import type { ExpiryReport } from '../../electron/shared/dto'
import { call, callError, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { MemoryClipboard } from '../support/memory-clipboard'

const NOW = Date.parse('2026-12-01T15:00:00Z')
const CANARY = 'CANARY-expiry-51d0'
const dir = tempDir('keyhold-expiry-')
let core: KeyholdCore | undefined
afterEach(async () => {
  await core?.shutdown()
  core = undefined
})

async function vaultWith(expiries: Record<string, string | null>): Promise<KeyholdCore> {
  core = testCore(join(dir.path, String(Math.random())), { clipboard: new MemoryClipboard(), now: () => NOW })
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  for (const [name, expiresOn] of Object.entries(expiries)) {
    await call(core, 'keyhold:keys.add', { name, expiresOn, details: { provider: 'spreeflo', keyName: name }, secret: `${CANARY}-${name}` })
  }
  return core
}

const names = (items: ExpiryReport['expired']) => items.map((i) => `${i.name} ${i.daysLeft}`)

describe('expiry reminders', () => {
  it('sorts keys into expired and expiring from their dates alone, soonest first', async () => {
    const c = await vaultWith({ past: '2026-11-20', today: '2026-12-01', soon: '2026-12-06', later: '2026-12-21', never: null, edge: '2026-12-15' })
    const report = await call(c, 'keyhold:keys.expiry')
    expect(report).toMatchObject({ today: '2026-12-01', warnDays: 14 })
    expect(names(report.expired)).toEqual(['past -11'])
    // A key due today still works today; one due in exactly 14 days is inside the window.
    expect(names(report.expiring)).toEqual(['today 0', 'soon 5', 'edge 14'])
    expect(JSON.stringify(report)).not.toContain(CANARY)

    await call(c, 'keyhold:settings.update', { reminders: { warnDays: 30 } })
    expect(names((await call(c, 'keyhold:keys.expiry')).expiring)).toEqual(['today 0', 'soon 5', 'edge 14', 'later 20'])
  })

  it('announces them once at every unlock, and stays quiet when nothing is due', async () => {
    const c = await vaultWith({ past: '2026-11-30', soon: '2026-12-03' })
    const seen: ExpiryReport[] = []
    c.events.subscribe((event, payload) => {
      if (event === 'keyhold:keys.expiring') seen.push(payload as ExpiryReport)
    })
    await call(c, 'keyhold:vault.lock')
    await call(c, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(seen.map((r) => [names(r.expired), names(r.expiring)])).toEqual([[['past -1'], ['soon 2']]])

    const quiet = await vaultWith({ later: '2027-06-01' })
    let announced = 0
    quiet.events.subscribe((event) => {
      if (event === 'keyhold:keys.expiring') announced += 1
    })
    await call(quiet, 'keyhold:vault.lock')
    await call(quiet, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(announced).toBe(0)
  })

  it('refuses a reminder window outside 1–90 days with its sentence, keeping the old one', async () => {
    const c = await vaultWith({})
    expect(await callError(c, 'keyhold:settings.update', { reminders: { warnDays: 0 } })).toMatchObject({ code: 'INVALID_INPUT', field: 'reminders.warnDays' })
    expect(await callError(c, 'keyhold:settings.update', { reminders: { warnDays: 91 } })).toMatchObject({ code: 'INVALID_INPUT' })
    expect((await call(c, 'keyhold:settings.get')).reminders).toEqual({ warnDays: 14 })
    await call(c, 'keyhold:settings.update', { reminders: { warnDays: 7 } })
    await call(c, 'keyhold:vault.lock')
    await call(c, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await call(c, 'keyhold:settings.get')).reminders).toEqual({ warnDays: 7 })
  })
})
