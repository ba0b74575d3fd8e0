import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { MemoryClipboard } from '../support/memory-clipboard'
import { MIGRATIONS, type Migration } from '../../electron/core/store/migrations'
import { call, testCore } from '../support/core'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

let dir: ReturnType<typeof tempDir>
let core: KeyholdCore
beforeEach(() => {
  dir = tempDir()
  core = testCore(dir.path, { clipboard: new MemoryClipboard() })
})
afterEach(async () => {
  await core.shutdown()
  dir.remove()
})

const liveDb = (c: KeyholdCore) => (c.vault as unknown as { open: { db: BetterSqlite3.Database } }).open.db

const countOf = (haystack: Buffer, needle: string) => {
  let n = 0
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) n++
  return n
}

/** Every byte the vault has on disk right now: the file and, while open, its WAL. */
const vaultBytes = (c: KeyholdCore) =>
  Buffer.concat([c.paths.vaultFile, `${c.paths.vaultFile}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)))

async function vaultWithTwoKeys() {
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  const [threadeo, custom] = [sampleKeys('act')[0], sampleKeys('act')[3]]
  const a = await call(core, 'keyhold:keys.add', threadeo)
  const b = await call(core, 'keyhold:keys.add', custom)
  return { a: a.id, b: b.id }
}

describe('the activity log', () => {
  it('is append-only in the store itself: a raw UPDATE or DELETE through the handle is refused', async () => {
    const { a } = await vaultWithTwoKeys()
    await call(core, 'keyhold:keys.reveal', { id: a, field: 'secret' })
    const db = liveDb(core)
    expect(() => db.prepare('UPDATE activity SET at = 0').run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM activity').run()).toThrow(/append-only/)
    expect(core.vault.activity().forKey(a).map((e) => e.kind)).toEqual(['created', 'revealed'])
  })

  it('leaves no kind, field or key id in plaintext in the file, its WAL or a backup', async () => {
    const { a } = await vaultWithTwoKeys()
    // Key ids are row ids of `keys` (and `checks`) in the clear; activity must add no copy of them.
    const before = vaultBytes(core)
    const idsBefore = countOf(before, a)
    const secretWordBefore = countOf(before, 'secret')
    await call(core, 'keyhold:keys.reveal', { id: a, field: 'secret' })
    await call(core, 'keyhold:keys.copy', { id: a, field: 'apiKey' })
    await call(core, 'keyhold:keys.copy', { id: a, field: 'secret' })
    expect(core.vault.activity().forKey(a).map((e) => `${e.kind}:${e.field}`)).toEqual(['created:null', 'revealed:secret', 'copied:apiKey', 'copied:secret'])

    const after = vaultBytes(core)
    expect(existsSync(`${core.paths.vaultFile}-wal`)).toBe(true)
    for (const word of ['copied', 'revealed', 'apiKey']) expect(countOf(after, word), word).toBe(0)
    expect(countOf(after, a)).toBe(idsBefore)
    expect(countOf(after, 'secret')).toBe(secretWordBefore)
    await core.shutdown()

    // An upgrade writes a backup: the log is as sealed there as in the vault.
    const later: Migration = { version: (MIGRATIONS.at(-1)?.version ?? 0) + 1, name: 'later', up: (db) => db.exec('CREATE TABLE later (x INTEGER)') }
    core = testCore(dir.path, { migrations: [...MIGRATIONS, later] })
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    const backups = readdirSync(core.paths.backupDir)
    expect(backups).toHaveLength(1)
    const backup = readFileSync(join(core.paths.backupDir, backups[0] as string))
    for (const word of ['copied', 'revealed', 'apiKey']) expect(countOf(backup, word), word).toBe(0)
    expect(countOf(backup, a)).toBe(countOf(readFileSync(core.paths.vaultFile), a))
  })

  it('refuses an entry moved to another row or whose time was edited, and reads the rest', async () => {
    const { a, b } = await vaultWithTwoKeys()
    await call(core, 'keyhold:keys.reveal', { id: a, field: 'secret' })
    await call(core, 'keyhold:keys.reveal', { id: b, field: 'secret' })
    await call(core, 'keyhold:keys.copy', { id: a, field: 'secret' })
    await call(core, 'keyhold:keys.copy', { id: b, field: 'secret' })
    await call(core, 'keyhold:vault.lock')

    // Someone with the file drops the triggers and edits the rows.
    const db = new BetterSqlite3(core.paths.vaultFile)
    db.exec('DROP TRIGGER activity_no_update; DROP TRIGGER activity_no_delete')
    // After the two keys' "created" entries.
    const rows = (db.prepare('SELECT id, sealed FROM activity ORDER BY id').all() as { id: number; sealed: Buffer }[]).slice(2)
    const [r1, r2, , r4] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0], (typeof rows)[0]]
    const set = db.prepare('UPDATE activity SET sealed = ? WHERE id = ?')
    set.run(r2.sealed, r1.id) // swap the first two entries
    set.run(r1.sealed, r2.id)
    db.prepare('UPDATE activity SET at = at + 60000 WHERE id = ?').run(r4.id)
    db.close()

    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    const log = core.vault.activity()
    expect(log.all().map((e) => (e.damaged ? 'damaged' : `${e.kind}:${e.keyId === a ? 'a' : 'b'}`))).toEqual([
      'created:a',
      'created:b',
      'damaged',
      'damaged',
      'copied:a',
      'damaged',
    ])
    expect(log.forKey(a).map((e) => e.kind)).toEqual(['created', 'copied'])
    expect(log.forKey(b).map((e) => e.kind)).toEqual(['created'])
  })

  it('keeps appending when the file lost its sqlite_sequence row (ids never collide)', async () => {
    const { a } = await vaultWithTwoKeys()
    await call(core, 'keyhold:keys.reveal', { id: a, field: 'secret' })
    await call(core, 'keyhold:keys.copy', { id: a, field: 'secret' })
    await call(core, 'keyhold:vault.lock')
    const db = new BetterSqlite3(core.paths.vaultFile)
    db.exec("DELETE FROM sqlite_sequence WHERE name = 'activity'")
    db.close()
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    await call(core, 'keyhold:keys.reveal', { id: a, field: 'apiKey' })
    expect(core.vault.activity().forKey(a).map((e) => `${e.kind}:${e.field}`)).toEqual(['created:null', 'revealed:secret', 'copied:secret', 'revealed:apiKey'])
  })
})
