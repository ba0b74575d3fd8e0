import { randomBytes } from 'node:crypto'
import { readdirSync, truncateSync, writeFileSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { validateNewKey } from '../../electron/core/keys/validate-key'
import { builtInProviders } from '../../electron/shared/providers'
import { sha256File } from '../support/bytes'
import { call, callError, testCore } from '../support/core'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

let dir: ReturnType<typeof tempDir>
let core: KeyholdCore

beforeEach(() => {
  dir = tempDir()
  core = testCore(dir.path)
})
afterEach(async () => {
  await core.shutdown()
  dir.remove()
})

async function makeRealVault(keys = 40): Promise<void> {
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  core.vault.keys().addMany(
    Array.from({ length: keys / 4 }, (_, i) => sampleKeys(`c${i}`))
      .flat()
      .map((k) => validateNewKey({ ...k, notes: 'n'.repeat(300) }, builtInProviders)),
  )
  await call(core, 'keyhold:vault.lock')
}

function sqliteFile(path: string, setup: (db: BetterSqlite3.Database) => void): void {
  const db = new BetterSqlite3(path)
  setup(db)
  db.close()
}

/** sidecarsAllowed: SQLite had to open the file read-only to find the damage, which may leave -wal/-shm beside it. */
type Case = readonly [label: string, code: string, make: (path: string) => Promise<void> | void, sidecarsAllowed: boolean]

const cases: Case[] = [
  ['random bytes', 'NOT_A_VAULT', (p) => writeFileSync(p, randomBytes(8192)), false],
  ['a text file', 'NOT_A_VAULT', (p) => writeFileSync(p, 'API keys:\nthreadeo = abc\n'), false],
  ['a file cut inside the SQLite header', 'VAULT_DAMAGED', (p) => writeFileSync(p, Buffer.from('SQLite format 3\0 and then nothing')), false],
  [
    'another program\'s SQLite database',
    'NOT_A_VAULT',
    (p) => sqliteFile(p, (db) => db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann')")),
    false,
  ],
  [
    'another program\'s SQLite database in WAL mode',
    'NOT_A_VAULT',
    (p) => sqliteFile(p, (db) => {
      db.pragma('journal_mode = WAL')
      db.exec('CREATE TABLE t (x)')
    }),
    false,
  ],
  [
    'a vault from a newer Keyhold',
    'VAULT_TOO_NEW',
    async (p) => {
      await makeRealVault(4)
      sqliteFile(p, (db) => db.pragma('user_version = 99'))
    },
    false,
  ],
  [
    'a vault truncated to part of its pages',
    'VAULT_DAMAGED',
    async (p) => {
      await makeRealVault(80)
      truncateSync(p, 4096 * 3)
    },
    true,
  ],
  [
    'a Keyhold file whose header row is gone',
    'VAULT_DAMAGED',
    async (p) => {
      await makeRealVault(4)
      sqliteFile(p, (db) => db.exec('DELETE FROM vault_header'))
    },
    true,
  ],
]

describe('files that are not a usable vault', () => {
  it.each(cases)('refuses %s with %s and leaves it untouched', async (_label, code, make, sidecarsAllowed) => {
    await make(core.paths.vaultFile)
    const before = sha256File(core.paths.vaultFile)
    const filesBefore = readdirSync(dir.path).sort()
    expect(await call(core, 'keyhold:vault.status')).toMatchObject({ state: 'locked' })
    const error = await callError(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(error.code).toBe(code)
    expect(error.message).toMatch(/left untouched|not a Keyhold vault|damaged/)
    expect(sha256File(core.paths.vaultFile)).toBe(before)
    if (!sidecarsAllowed) expect(readdirSync(dir.path).sort()).toEqual(filesBefore)
    // A second attempt finds the same file and the same answer: nothing was "repaired" over it.
    expect((await callError(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).code).toBe(code)
    expect(await callError(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })).toMatchObject({ code: 'VAULT_EXISTS' })
    // Agreeing to replace an unfinished create does not reach a file that is (or was) a vault.
    expect(await callError(core, 'keyhold:vault.create', { password: STRONG_PASSWORD, replaceUnfinished: true })).toMatchObject({ code: 'VAULT_EXISTS' })
    expect(sha256File(core.paths.vaultFile)).toBe(before)
  })
})
