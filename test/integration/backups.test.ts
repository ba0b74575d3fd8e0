// Verified backups (issue 11, item 6): the daily one on unlock, rotation by the setting, a copy
// that fails its check removed, preview and restore while the vault file is damaged.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { DAILY_BACKUP_MS } from '../../electron/core/vault/vault'
import { call, callError, testCore } from '../support/core'
import { OTHER_STRONG_PASSWORD, sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { TestClock } from '../support/test-clock'

let dir: ReturnType<typeof tempDir>
let clock: TestClock
let core: KeyholdCore
beforeEach(() => {
  dir = tempDir('keyhold-backups-')
  clock = new TestClock(Date.parse('2026-12-01T09:00:00Z'))
  core = testCore(dir.path, { now: () => clock.now(), sleep: (ms) => clock.sleep(ms) })
})
afterEach(async () => {
  await core.shutdown()
  dir.remove()
})

const backupDir = () => join(dir.path, 'backups')
const backupFiles = () => (existsSync(backupDir()) ? readdirSync(backupDir()).filter((f) => f.endsWith('.bak')).sort() : [])
const list = async () => (await call(core, 'keyhold:backups.list')).backups

const keyNames = async () => (await call(core, 'keyhold:keys.list')).map((k) => (k.damaged ? '(damaged)' : k.name)).sort((a, b) => a.localeCompare(b))

async function unlockAndSettle(password = STRONG_PASSWORD) {
  await call(core, 'keyhold:vault.unlock', { password })
  await core.dailyBackups.settled()
}

async function vaultWith(tag: string): Promise<string[]> {
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  const names: string[] = []
  for (const k of sampleKeys(tag)) names.push((await call(core, 'keyhold:keys.add', k)).name)
  return names.sort((a, b) => a.localeCompare(b))
}

/** Overwrites bytes in the middle of the real SQLite file, as a bad sector or a stray write would. */
function damage(path: string): void {
  const size = statSync(path).size
  const fd = openSync(path, 'r+')
  try {
    // Page 2 onwards: the schema and the tables' b-trees.
    writeSync(fd, Buffer.alloc(Math.min(8192, size - 4096), 0xa5), 0, Math.min(8192, size - 4096), 4096)
  } finally {
    closeSync(fd)
  }
}

describe('daily backups', () => {
  it('takes none on the day the vault was made, one on the unlock a day later, checked with the vault key', async () => {
    await vaultWith('daily')
    await core.dailyBackups.settled()
    expect(backupFiles()).toEqual([])
    await call(core, 'keyhold:vault.lock')
    await unlockAndSettle()
    expect(backupFiles()).toEqual([])

    await call(core, 'keyhold:vault.lock')
    clock.advance(DAILY_BACKUP_MS + 1)
    await unlockAndSettle()
    const [made, ...more] = await list()
    expect(more).toEqual([])
    expect(made).toMatchObject({ reason: 'daily', verified: true, damagedCopy: false, at: clock.now() })
    expect(made?.backupId).toMatch(/^vault\.keyhold\.2026-12-02T09-00-00-001Z\.v\d{4}\.daily\.bak$/)
    expect(made?.size).toBe(statSync(join(backupDir(), made?.backupId ?? '')).size)
    // A timer for the next one runs while unlocked, and stops with the lock.
    expect(core.dailyBackups.scheduled).toBe(true)

    // The newest is now less than a day old: no second one.
    await call(core, 'keyhold:vault.lock')
    expect(core.dailyBackups.scheduled).toBe(false)
    clock.advance(DAILY_BACKUP_MS - 10)
    await unlockAndSettle()
    expect(backupFiles()).toHaveLength(1)
  })

  it('takes the next one a day into a session that stays unlocked, and the one after a day later', async () => {
    // An idle lock would end the session first: this one is used all the while.
    await core.shutdown()
    core = testCore(dir.path, { now: () => clock.now(), idleLockMs: 10 * DAILY_BACKUP_MS })
    await vaultWith('timer')
    await core.dailyBackups.settled()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      // The round after this unlock schedules the next one: a day after the vault was made.
      await call(core, 'keyhold:vault.lock')
      await unlockAndSettle()
      expect(core.dailyBackups.scheduled).toBe(true)
      expect(backupFiles()).toEqual([])
      clock.advance(DAILY_BACKUP_MS)
      vi.advanceTimersByTime(DAILY_BACKUP_MS)
      await core.dailyBackups.settled()
      expect((await list()).map((b) => b.reason)).toEqual(['daily'])
      // And again a day later, still unlocked.
      clock.advance(DAILY_BACKUP_MS)
      vi.advanceTimersByTime(DAILY_BACKUP_MS)
      await core.dailyBackups.settled()
      expect((await list()).map((b) => b.reason)).toEqual(['daily', 'daily'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('keeps the newest N, N being the setting', async () => {
    await vaultWith('keep')
    const updated = await call(core, 'keyhold:settings.update', { backups: { keep: 3 } })
    expect(updated.backups.keep).toBe(3)
    expect((await callError(core, 'keyhold:settings.update', { backups: { keep: 0 } })).code).toBe('INVALID_INPUT')
    expect((await callError(core, 'keyhold:settings.update', { backups: { keep: 101 } })).code).toBe('INVALID_INPUT')
    const made: string[] = []
    for (let i = 0; i < 5; i++) {
      await call(core, 'keyhold:vault.lock')
      clock.advance(DAILY_BACKUP_MS)
      await unlockAndSettle()
      made.push(...backupFiles().filter((f) => !made.includes(f)))
    }
    expect(made).toHaveLength(5)
    expect(backupFiles()).toEqual(made.slice(-3))
    // Newest first, as the window lists them.
    expect((await list()).map((b) => b.backupId)).toEqual(made.slice(-3).reverse())
    // The setting survives a lock (it is sealed in the vault like the others).
    await call(core, 'keyhold:vault.lock')
    await unlockAndSettle()
    expect((await call(core, 'keyhold:settings.get')).backups.keep).toBe(3)
  })

  it('gives a vault with no keys a canary, and "Back up now" needs the vault unlocked', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const made = await call(core, 'keyhold:backups.create')
    expect(made).toMatchObject({ reason: 'manual', verified: true })
    const copy = new BetterSqlite3(join(backupDir(), made.backupId), { readonly: true })
    expect(copy.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1)
    copy.close()
    expect(await call(core, 'keyhold:backups.preview', { backupId: made.backupId })).toMatchObject({ keyCount: 0, keyNames: [], newestChange: null })
    await call(core, 'keyhold:vault.lock')
    expect((await callError(core, 'keyhold:backups.create')).code).toBe('VAULT_LOCKED')
  })
})

describe('a backup that fails its check', () => {
  it('is removed and reported, never kept as if good', async () => {
    await vaultWith('bad')
    // The copy is damaged after SQLite wrote it and before it is checked: what a bad disk does.
    const real = BetterSqlite3.prototype.backup
    BetterSqlite3.prototype.backup = async function (this: BetterSqlite3.Database, target: string) {
      const result = await real.call(this, target)
      damage(target)
      return result
    } as typeof real
    try {
      expect((await callError(core, 'keyhold:backups.create')).code).toBe('STORAGE_FAILED')
    } finally {
      BetterSqlite3.prototype.backup = real
    }
    expect(readdirSync(backupDir())).toEqual([])
    const after = await call(core, 'keyhold:backups.list')
    expect(after).toEqual({ backups: [], lastFailure: { at: clock.now(), reason: 'manual' } })
    const log = readFileSync(join(dir.path, 'logs', 'keyhold.log'), 'utf8')
    expect(log).toContain('"backup.failed"')
  })

  it('is removed when SQLite finds it intact but its sealed records do not open with the vault key', async () => {
    await vaultWith('canary')
    const real = BetterSqlite3.prototype.backup
    BetterSqlite3.prototype.backup = async function (this: BetterSqlite3.Database, target: string) {
      const result = await real.call(this, target)
      // One bit of the newest key's sealed meta: a copy that checks out page by page and still lost a record.
      const copy = new BetterSqlite3(target)
      const row = copy.prepare('SELECT id, meta FROM keys ORDER BY updated_at DESC LIMIT 1').get() as { id: string; meta: Buffer }
      row.meta[row.meta.length - 1] = (row.meta[row.meta.length - 1] ?? 0) ^ 1
      copy.prepare('UPDATE keys SET meta = ? WHERE id = ?').run(row.meta, row.id)
      copy.close()
      return result
    } as typeof real
    try {
      expect((await callError(core, 'keyhold:backups.create')).code).toBe('BACKUP_DAMAGED')
    } finally {
      BetterSqlite3.prototype.backup = real
    }
    expect(readdirSync(backupDir())).toEqual([])
    expect((await call(core, 'keyhold:backups.list')).lastFailure).toEqual({ at: clock.now(), reason: 'manual' })
  })

  it('is refused for preview and restore when it is damaged after it was kept, and nothing changes', async () => {
    const names = await vaultWith('later')
    const made = await call(core, 'keyhold:backups.create')
    damage(join(backupDir(), made.backupId))
    expect((await callError(core, 'keyhold:backups.preview', { backupId: made.backupId })).code).toBe('BACKUP_DAMAGED')
    expect((await callError(core, 'keyhold:backups.restore', { backupId: made.backupId })).code).toBe('BACKUP_DAMAGED')
    expect((await call(core, 'keyhold:vault.status')).state).toBe('unlocked')
    expect(await keyNames()).toEqual(names)
    expect((await callError(core, 'keyhold:backups.preview', { backupId: 'vault.keyhold.2020-01-01T00-00-00-000Z.v0001.daily.bak' })).code).toBe('BACKUP_NOT_FOUND')
    expect((await callError(core, 'keyhold:backups.preview', { backupId: '../vault.keyhold' })).code).toBe('INVALID_INPUT')
  })
})

describe('preview and restore', () => {
  it('previews with the vault key after a password change, and with the backup’s password while locked', async () => {
    const names = await vaultWith('pre')
    const made = await call(core, 'keyhold:backups.create')
    await call(core, 'keyhold:vault.changePassword', { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD })
    const preview = await call(core, 'keyhold:backups.preview', { backupId: made.backupId })
    expect(preview).toMatchObject({ backupId: made.backupId, keyCount: names.length, keyNames: names, at: made.at })
    expect(preview.newestChange).toBe(clock.now())

    await call(core, 'keyhold:vault.lock')
    expect((await callError(core, 'keyhold:backups.preview', { backupId: made.backupId })).code).toBe('BACKUP_PASSWORD_NEEDED')
    // The backup's header holds the password it had then.
    const wrong = await callError(core, 'keyhold:backups.preview', { backupId: made.backupId, password: OTHER_STRONG_PASSWORD })
    expect(wrong).toMatchObject({ code: 'WRONG_PASSWORD', field: 'password' })
    expect(await call(core, 'keyhold:backups.preview', { backupId: made.backupId, password: STRONG_PASSWORD })).toEqual(preview)
  })

  it('counts a wrong backup password with unlock’s: the same throttle pauses both', async () => {
    await vaultWith('guess')
    const made = await call(core, 'keyhold:backups.create')
    await call(core, 'keyhold:vault.lock')
    const before = clock.sleeps.length
    for (let i = 0; i < 3; i++) expect((await callError(core, 'keyhold:backups.preview', { backupId: made.backupId, password: `wrong guess number ${i} here` })).code).toBe('WRONG_PASSWORD')
    expect((await callError(core, 'keyhold:vault.unlock', { password: 'one more wrong guess here' })).code).toBe('WRONG_PASSWORD')
    expect((await callError(core, 'keyhold:backups.restore', { backupId: made.backupId, password: 'and yet another guess' })).code).toBe('WRONG_PASSWORD')
    expect(clock.sleeps.slice(before).filter((ms) => ms > 0)).toEqual([1000, 2000, 4000])
  })

  it('restores after the vault file is damaged: keys back, the damaged file kept aside, no half files, "restored" in the timeline', async () => {
    const names = await vaultWith('dmg')
    const made = await call(core, 'keyhold:backups.create')
    // A key added after the backup is what the restore gives up (it is in the copy kept aside).
    await call(core, 'keyhold:keys.add', { ...sampleKeys('after')[0], name: 'Added after the backup' })
    await call(core, 'keyhold:vault.lock')
    const vaultFile = join(dir.path, 'vault.keyhold')
    damage(vaultFile)
    const damagedBytes = readFileSync(vaultFile)
    expect((await callError(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).code).toBe('VAULT_DAMAGED')

    // The damaged screen lists the backups and previews one without an unlock.
    expect((await list()).map((b) => b.backupId)).toEqual([made.backupId])
    expect((await call(core, 'keyhold:backups.preview', { backupId: made.backupId, password: STRONG_PASSWORD })).keyNames).toEqual(names)
    expect((await callError(core, 'keyhold:backups.restore', { backupId: made.backupId })).code).toBe('BACKUP_PASSWORD_NEEDED')
    expect(readFileSync(vaultFile).equals(damagedBytes)).toBe(true)

    const changed: string[] = []
    const stop = core.events.subscribe((event, payload) => {
      if (event === 'keyhold:vault.changed') changed.push((payload as { status: { state: string } }).status.state)
    })
    expect(await call(core, 'keyhold:backups.restore', { backupId: made.backupId, password: STRONG_PASSWORD })).toEqual({ state: 'locked' })
    stop()
    expect(changed).toEqual(['locked'])

    const after = await list()
    const aside = after.find((b) => b.reason === 'before-restore')
    expect(aside).toMatchObject({ damagedCopy: true, verified: false })
    // Kept aside as it was, byte for byte.
    expect(readFileSync(join(backupDir(), aside?.backupId ?? '')).equals(damagedBytes)).toBe(true)
    expect(after.find((b) => b.backupId === made.backupId)).toMatchObject({ verified: true })
    expect((await callError(core, 'keyhold:backups.restore', { backupId: aside?.backupId, password: STRONG_PASSWORD })).code).toBe('BACKUP_DAMAGED')
    // No temporary file beside the vault or among the backups.
    expect(readdirSync(dir.path).filter((f) => f.startsWith('vault.keyhold')).sort()).toEqual(['vault.keyhold'])
    expect(readdirSync(backupDir()).filter((f) => !f.endsWith('.bak'))).toEqual([])

    await unlockAndSettle()
    expect(await keyNames()).toEqual(names)
    const timeline = await call(core, 'keyhold:activity.list', { kinds: ['restored'] })
    expect(timeline).toHaveLength(1)
    expect(timeline[0]).toMatchObject({ kind: 'restored', keyId: null, detail: null })
  })

  it('restores while unlocked: the current vault is backed up first (checked), and the vault ends locked', async () => {
    await vaultWith('live')
    const made = await call(core, 'keyhold:backups.create')
    await call(core, 'keyhold:keys.add', { ...sampleKeys('late')[0], name: 'Only in the current vault' })
    clock.advance(1000)
    expect(await call(core, 'keyhold:backups.restore', { backupId: made.backupId })).toEqual({ state: 'locked' })
    const aside = (await list()).find((b) => b.reason === 'before-restore')
    expect(aside).toMatchObject({ verified: true, damagedCopy: false })

    await unlockAndSettle()
    expect(await keyNames()).not.toContain('Only in the current vault')
    // The copy kept aside gives it back.
    await call(core, 'keyhold:backups.restore', { backupId: aside?.backupId })
    await unlockAndSettle()
    expect(await keyNames()).toContain('Only in the current vault')
  })

  it('restores while locked with the backup’s password: the current vault is copied through SQLite and checked with that key', async () => {
    await vaultWith('locked')
    const made = await call(core, 'keyhold:backups.create')
    await call(core, 'keyhold:keys.add', { ...sampleKeys('late')[0], name: 'Only in the current vault' })
    await call(core, 'keyhold:vault.lock')
    clock.advance(1000)
    expect(await call(core, 'keyhold:backups.restore', { backupId: made.backupId, password: STRONG_PASSWORD })).toEqual({ state: 'locked' })
    const aside = (await list()).find((b) => b.reason === 'before-restore')
    expect(aside).toMatchObject({ verified: true, damagedCopy: false })
    expect(aside?.backupId).toMatch(/\.v\d{4}\.before-restore\.bak$/)
    expect((await call(core, 'keyhold:backups.preview', { backupId: aside?.backupId, password: STRONG_PASSWORD })).keyNames).toContain('Only in the current vault')
  })

  it('keeps the backup being restored even when the rotation keeps one', async () => {
    await vaultWith('one')
    await call(core, 'keyhold:settings.update', { backups: { keep: 1 } })
    const made = await call(core, 'keyhold:backups.create')
    clock.advance(1000)
    await call(core, 'keyhold:backups.restore', { backupId: made.backupId })
    await unlockAndSettle()
    expect((await call(core, 'keyhold:keys.list')).length).toBe(sampleKeys('one').length)
  })
})
