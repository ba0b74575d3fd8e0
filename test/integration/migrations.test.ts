import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BACKUPS_KEPT } from '../../electron/core/store/backups'
import { KEYHOLD_APPLICATION_ID } from '../../electron/core/store/file-checks'
import { MIGRATIONS, type Migration } from '../../electron/core/store/migrations'
import { migration0001Init } from '../../electron/core/store/migrations/0001-init'
import { migration0002ListSnapshot } from '../../electron/core/store/migrations/0002-list-snapshot'
import { vaultPaths } from '../../electron/core/paths'
import { LEGACY_ACTIVITY_TABLE } from '../../electron/core/store/migrations/0005-sealed-activity'
import { call, callError, testCore } from '../support/core'
import { LEGACY_PROVIDER_SETTINGS, writeLegacyVault, type LegacyVault } from '../support/legacy-vault'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

let dir: ReturnType<typeof tempDir>
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

const columns = (db: BetterSqlite3.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)

async function vaultWithKeys(): Promise<string[]> {
  const core = testCore(dir.path)
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  const ids: string[] = []
  for (const k of sampleKeys('mig')) ids.push((await call(core, 'keyhold:keys.add', k)).id)
  await core.shutdown()
  return ids
}

const LATEST = MIGRATIONS.at(-1)?.version ?? 0

const addsLaterFeature: Migration = {
  version: LATEST + 1,
  name: 'later-feature',
  up: (db) => db.exec('CREATE TABLE later_feature (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, event BLOB NOT NULL) STRICT'),
}

describe('migration 0002-list-snapshot', () => {
  it('adds the single-row snapshot table on top of 0001', () => {
    const db = new BetterSqlite3(':memory:')
    db.transaction(() => {
      migration0001Init.up(db)
      migration0002ListSnapshot.up(db)
    })()
    expect(columns(db, 'list_snapshot')).toEqual(['id', 'format', 'blob', 'written_at'])
    expect(() => db.prepare("INSERT INTO list_snapshot VALUES (2, 1, x'00', 0)").run()).toThrow(/CHECK/)
    db.close()
  })
})

describe('migration 0001-init', () => {
  it('creates the header and key tables with only ids, timestamps, versions and blobs in the clear', () => {
    const db = new BetterSqlite3(':memory:')
    db.transaction(() => migration0001Init.up(db))()
    expect(columns(db, 'vault_header')).toEqual([
      'id', 'vault_id', 'format', 'kdf_algorithm', 'kdf_memory_kib', 'kdf_iterations', 'kdf_parallelism',
      'kdf_salt', 'wrapped_key', 'created_at', 'updated_at',
    ])
    expect(columns(db, 'keys')).toEqual(['id', 'format', 'meta', 'secret', 'created_at', 'updated_at'])
    // STRICT tables refuse a value of the wrong type instead of storing it.
    expect(() => db.prepare("INSERT INTO keys VALUES ('x', 'one', x'00', NULL, 0, 0)").run()).toThrow()
    db.close()
  })
})

describe('the migration runner', () => {
  it('stamps a new vault with the latest version, its application id and durable settings', async () => {
    const core = testCore(dir.path)
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const live = (core.vault as unknown as { open: { db: BetterSqlite3.Database } }).open.db
    expect(live.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(live.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(live.pragma('journal_mode', { simple: true })).toBe('wal')
    await core.shutdown()
    const db = new BetterSqlite3(core.paths.vaultFile, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version)
    expect(db.pragma('application_id', { simple: true })).toBe(KEYHOLD_APPLICATION_ID)
    db.close()
  })

  it('backs the vault up, then applies a new migration in a transaction, keeping every key', async () => {
    const ids = await vaultWithKeys()
    const core = testCore(dir.path, { migrations: [...MIGRATIONS, addsLaterFeature] })
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await call(core, 'keyhold:keys.list')).map((k) => k.id).sort()).toEqual([...ids].sort())
    await core.shutdown()

    const db = new BetterSqlite3(core.paths.vaultFile, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST + 1)
    expect(columns(db, 'later_feature')).toEqual(['id', 'at', 'event'])
    db.close()
    const backups = readdirSync(core.paths.backupDir)
    expect(backups).toHaveLength(1)
    expect(backups[0]).toMatch(new RegExp(`^vault\\.keyhold\\..*\\.v${String(LATEST).padStart(4, '0')}\\.bak$`))
    const backup = new BetterSqlite3(join(core.paths.backupDir, backups[0] as string), { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST)
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok')
    expect((backup.prepare('SELECT count(*) AS n FROM keys').get() as { n: number }).n).toBe(ids.length)
    backup.close()
  })

  it('rolls a failing migration back whole and leaves the vault at its old version', async () => {
    const ids = await vaultWithKeys()
    const broken: Migration = {
      version: LATEST + 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER)')
        db.exec('DELETE FROM keys')
        throw new Error('migration bug')
      },
    }
    const failing = testCore(dir.path, { migrations: [...MIGRATIONS, broken] })
    const error = await callError(failing, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(error).toEqual({ code: 'INTERNAL', message: expect.stringContaining('Nothing was changed') })
    expect(error.message).not.toContain('migration bug')

    const core = testCore(dir.path)
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await call(core, 'keyhold:keys.list')).map((k) => k.id).sort()).toEqual([...ids].sort())
    const live = (core.vault as unknown as { open: { db: BetterSqlite3.Database } }).open.db
    expect(live.pragma('user_version', { simple: true })).toBe(LATEST)
    expect(live.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([])
    await core.shutdown()
  })

  it('takes one backup per upgrade, however many steps, and keeps the older backups', async () => {
    await writeLegacyVault(dir.path, 1, 'bk', 3)
    const core = testCore(dir.path, { now: () => Date.parse('2026-11-24T00:00:00Z') })
    const before = readdirSync(core.paths.backupDir).sort()
    expect(before).toHaveLength(3)
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    await core.shutdown()
    const after = readdirSync(core.paths.backupDir).sort()
    // v1 to the latest is several steps: still one new copy, of the vault as it was (v1).
    expect(after).toHaveLength(before.length + 1)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.at(-1)).toMatch(/\.2026-11-24T.*\.v0001\.bak$/)
    // An unlock with nothing to upgrade copies nothing (on the same day: a day later the daily backup is due).
    const again = testCore(dir.path, { now: () => Date.parse('2026-11-24T01:00:00Z') })
    await call(again, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    await again.shutdown()
    expect(readdirSync(core.paths.backupDir).sort()).toEqual(after)
  })

  it(`keeps the newest ${BACKUPS_KEPT} backups across upgrades`, async () => {
    await vaultWithKeys()
    let tick = Date.parse('2026-11-24T00:00:00Z')
    const steps: Migration[] = []
    for (let i = 0; i < BACKUPS_KEPT + 2; i++) {
      steps.push({ version: LATEST + 1 + i, name: `step${i}`, up: (db) => db.exec(`CREATE TABLE step${i} (x INTEGER)`) })
      const core = testCore(dir.path, { migrations: [...MIGRATIONS, ...steps], now: () => (tick += 1000) })
      await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
      await core.shutdown()
    }
    const backups = readdirSync(vaultPaths(dir.path).backupDir).sort()
    // Seven upgrades took seven backups, one of the version before each; the two oldest went.
    const versions = steps.slice(2).map((m) => `v${String(m.version - 1).padStart(4, '0')}`)
    expect(backups.map((b) => b.split('.').at(-2))).toEqual(versions)
  })

  it('refuses a migration list that is out of order', async () => {
    await vaultWithKeys()
    const core = testCore(dir.path, { migrations: [addsLaterFeature, ...MIGRATIONS] })
    expect(await callError(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ code: 'INTERNAL' })
  })
})

describe('migration 0003 and 0004', () => {
  it('add the check history and the settings row; a check belongs to its key', () => {
    const db = new BetterSqlite3(':memory:')
    db.transaction(() => {
      for (const m of MIGRATIONS.slice(0, 4)) m.up(db)
    })()
    expect(columns(db, 'checks')).toEqual(['id', 'key_id', 'format', 'at', 'outcome', 'http_status', 'latency_ms', 'sealed'])
    expect(columns(db, 'settings')).toEqual(['id', 'format', 'blob', 'updated_at'])
    expect(columns(db, 'activity')).toEqual(['id', 'at', 'kind', 'key_id', 'field'])
    // A check belongs to its key: deleting the key deletes its history.
    db.pragma('foreign_keys = ON')
    db.prepare("INSERT INTO keys VALUES ('k', 1, x'00', NULL, 0, 0)").run()
    db.prepare("INSERT INTO checks VALUES ('c', 'k', 1, 0, 'valid', 200, 5, x'00')").run()
    db.prepare("DELETE FROM keys WHERE id = 'k'").run()
    expect(db.prepare('SELECT count(*) AS n FROM checks').get()).toEqual({ n: 0 })
    db.close()
  })
})

describe('migration 0006-revoked-at', () => {
  it('adds a plaintext revoked_at to keys, null for every key it finds', () => {
    const db = new BetterSqlite3(':memory:')
    db.transaction(() => {
      for (const m of MIGRATIONS.slice(0, 5)) m.up(db)
    })()
    db.prepare("INSERT INTO keys VALUES ('k', 1, x'00', x'01', 0, 0)").run()
    MIGRATIONS[5]?.up(db)
    expect(columns(db, 'keys')).toEqual(['id', 'format', 'meta', 'secret', 'created_at', 'updated_at', 'revoked_at'])
    expect(db.prepare('SELECT revoked_at FROM keys').all()).toEqual([{ revoked_at: null }])
    db.close()
  })
})

describe('migration 0007-sharing-identity', () => {
  it('adds the one-row sharing identity table, with only its format and time in the clear', () => {
    const db = new BetterSqlite3(':memory:')
    db.transaction(() => {
      for (const m of MIGRATIONS.slice(0, 6)) m.up(db)
    })()
    MIGRATIONS[6]?.up(db)
    expect(columns(db, 'sharing_identity')).toEqual(['id', 'format', 'sealed', 'created_at'])
    db.prepare("INSERT INTO sharing_identity VALUES (1, 1, x'00', 0)").run()
    // One identity per vault: a second row is refused, so a code handed out never changes.
    expect(() => db.prepare("INSERT INTO sharing_identity VALUES (2, 1, x'00', 0)").run()).toThrow(/CHECK/)
    db.close()
  })

  it('gives an upgraded version-6 vault a sharing code, kept sealed', async () => {
    await writeLegacyVault(dir.path, 6)
    const core = testCore(dir.path)
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    const first = await call(core, 'keyhold:share.code')
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await call(core, 'keyhold:share.code')).toEqual(first)
    await core.shutdown()
    expect(countOf(readFileSync(core.paths.vaultFile), 'AGE-SECRET-KEY')).toBe(0)
  })
})

describe('migration 0005-sealed-activity', () => {
  it('leaves only the id, time and format of an activity entry in the clear', () => {
    const db = new BetterSqlite3(':memory:')
    db.transaction(() => {
      for (const m of MIGRATIONS) m.up(db)
    })()
    expect(columns(db, 'activity')).toEqual(['id', 'at', 'format', 'sealed'])
    expect(columns(db, LEGACY_ACTIVITY_TABLE)).toEqual(['id', 'at', 'kind', 'key_id', 'field'])
    db.close()
  })
})

/** What a vault from each older version must still be, opened and unlocked with today's code. */
async function expectIntactAfterUpgrade(legacy: LegacyVault): Promise<void> {
  const core = testCore(dir.path)
  await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
  expect(await core.vault.keys().verified).toEqual([])
  const list = await call(core, 'keyhold:keys.list')
  expect(list.map((e) => (e.damaged ? 'damaged' : e.name)).sort()).toEqual(legacy.keys.map((k) => k.meta.name).sort())
  for (const k of legacy.keys) {
    expect(await call(core, 'keyhold:keys.get', { id: k.id })).toMatchObject({ ...k.meta, id: k.id, revokedAt: null })
    expect(core.vault.keys().readSecret(k.id)).toBe(k.secret)
    const history = await call(core, 'keyhold:keys.history', { id: k.id })
    const { sentence: _s, ...expected } = { sentence: '', ...(legacy.checks.find((c) => c.keyId === k.id) ?? {}) }
    expect(history.map(({ sentence: _x, ...c }) => c)).toEqual(legacy.checks.some((c) => c.keyId === k.id) ? [expected] : [])
    const logged = legacy.activity.filter((a) => a.keyId === k.id).map(({ at, kind, keyId, field }) => ({ at, kind, keyId, field }))
    expect(core.vault.activity().forKey(k.id).map(({ at, kind, keyId, field }) => ({ at, kind, keyId, field }))).toEqual(logged)
  }
  const settings = await call(core, 'keyhold:settings.get')
  expect(settings.clipboard.clearAfterSeconds).toBe(legacy.clearAfterSeconds ?? 30)
  if (legacy.clearAfterSeconds !== null) {
    // Flat provider settings from before they were nested are read in today's shape.
    expect(settings.providers['threadeo']).toEqual({ baseUrl: LEGACY_PROVIDER_SETTINGS.threadeoBaseUrl, checkPath: LEGACY_PROVIDER_SETTINGS.threadeoCheckPath })
    expect(settings.providers['spreeflo']).toMatchObject({ auth: LEGACY_PROVIDER_SETTINGS.spreefloAuth, checkPath: '/ping' })
    expect(settings.providers['threatstop']).toEqual({ baseUrl: 'https://rest.threatstop.com/v4.0' })
  }
  // Still a working vault: it takes new keys and new activity.
  const added = await call(core, 'keyhold:keys.add', sampleKeys('after-upgrade')[0])
  core.vault.activity().record('copied', added.id, 'secret')
  // Adding the key is itself an entry (created), then the copy.
  expect(core.vault.activity().forKey(added.id).map((a) => a.kind)).toEqual(['created', 'copied'])
  await core.shutdown()

  const db = new BetterSqlite3(core.paths.vaultFile, { readonly: true })
  expect(db.pragma('user_version', { simple: true })).toBe(LATEST)
  expect(db.prepare('SELECT name FROM sqlite_master WHERE name = ?').all(LEGACY_ACTIVITY_TABLE)).toEqual([])
  db.close()
  // The old plaintext log is gone from the file itself, not only from the schema.
  const bytes = readFileSync(core.paths.vaultFile)
  for (const word of ['copied', 'revealed', 'apiKey']) expect(countOf(bytes, word), word).toBe(0)
}

const countOf = (haystack: Buffer, needle: string) => {
  let n = 0
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) n++
  return n
}

describe.each([
  ['0002-list-snapshot', 1],
  ['0003-checks-settings', 2],
  ['0004-activity', 3],
  ['0005-sealed-activity', 4],
  ['0006-revoked-at', 5],
  ['0007-sharing-identity', 6],
])('upgrading through migration %s', (_name, from) => {
  it(`opens a version-${from} vault holding data and reads all of it back`, async () => {
    const legacy = await writeLegacyVault(dir.path, from)
    const db = new BetterSqlite3(vaultPaths(dir.path).vaultFile, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(from)
    db.close()
    await expectIntactAfterUpgrade(legacy)
  })
})
