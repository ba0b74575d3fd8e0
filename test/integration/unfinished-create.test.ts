import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { KEYHOLD_APPLICATION_ID } from '../../electron/core/store/file-checks'
import { MIGRATIONS } from '../../electron/core/store/migrations'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { sha256File } from '../support/bytes'
import { call, callError, testCore } from '../support/core'
import { OTHER_STRONG_PASSWORD, sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

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

/** What Keyhold before atomic create left when stopped after its migrations, before the header row. */
function headerlessKeyholdFile(path: string): void {
  const db = new BetterSqlite3(path)
  db.pragma(`application_id = ${KEYHOLD_APPLICATION_ID}`)
  db.pragma('journal_mode = WAL')
  for (const m of MIGRATIONS) m.up(db)
  db.pragma(`user_version = ${MIGRATIONS.at(-1)?.version ?? 0}`)
  db.close()
}

type Leftover = readonly [label: string, make: (vaultFile: string) => void]

const leftovers: Leftover[] = [
  ['an empty file at the vault’s path', (p) => writeFileSync(p, '')],
  ['a Keyhold database with tables but no header row and no rows', headerlessKeyholdFile],
  ['only a stopped build beside the vault’s name', (p) => writeFileSync(`${p}.creating-0123456789abcdef`, randomBytes(4096))],
]

describe('what a stopped create left', () => {
  it.each(leftovers)('is unfinished, not damaged: %s', async (_label, make) => {
    make(core.paths.vaultFile)
    // A read-only look at a WAL database may add an empty -wal and -shm; nothing else may change.
    const files = () => readdirSync(dir.path).filter((f) => !/-(wal|shm)$/.test(f)).sort()
    const digest = () => files().map((f) => (f === 'logs' ? f : sha256File(join(dir.path, f))))
    const before = digest()
    expect(await call(core, 'keyhold:vault.status')).toEqual({ state: 'unfinished' })
    expect((await callError(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).code).toBe('VAULT_UNFINISHED')
    // Without the person's consent nothing is replaced, and the refusal says what to do.
    const refused = await callError(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    expect(refused).toEqual({ code: 'VAULT_UNFINISHED', message: ERROR_MESSAGES.VAULT_UNFINISHED })
    expect(digest()).toEqual(before)

    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD, replaceUnfinished: true })
    await call(core, 'keyhold:keys.add', sampleKeys('u')[0])
    await call(core, 'keyhold:vault.lock')
    expect(readdirSync(dir.path).filter((f) => f.includes('.creating-'))).toEqual([])
    expect(await call(core, 'keyhold:vault.status')).toEqual({ state: 'locked' })
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(core.vault.keys().list()).toHaveLength(1)
  })
})

describe('a damaged vault is never taken for an unfinished one', () => {
  async function realVault(): Promise<void> {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await call(core, 'keyhold:keys.add', sampleKeys('d')[0])
    await call(core, 'keyhold:vault.lock')
  }

  const damage: readonly (readonly [string, (path: string) => void])[] = [
    ['garbage after its 100-byte SQLite header', (p) => {
      const bytes = readFileSync(p)
      randomBytes(bytes.length - 100).copy(bytes, 100)
      writeFileSync(p, bytes)
    }],
    ['garbage after its first page', (p) => {
      const bytes = readFileSync(p)
      randomBytes(bytes.length - 4096).copy(bytes, 4096)
      writeFileSync(p, bytes)
    }],
    ['its header row deleted, its keys still there', (p) => {
      const db = new BetterSqlite3(p)
      db.exec('DELETE FROM vault_header')
      db.close()
    }],
  ]

  it.each(damage)('with %s: damaged, and never replaced', async (_label, make) => {
    await realVault()
    make(core.paths.vaultFile)
    const before = sha256File(core.paths.vaultFile)
    expect(await call(core, 'keyhold:vault.status')).toEqual({ state: 'locked' })
    expect((await callError(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).code).toMatch(/^(VAULT_DAMAGED|NOT_A_VAULT)$/)
    expect((await callError(core, 'keyhold:vault.create', { password: STRONG_PASSWORD, replaceUnfinished: true })).code).toBe('VAULT_EXISTS')
    expect(sha256File(core.paths.vaultFile)).toBe(before)
  })

  it('leaves a stale -wal of a removed vault out of the new one', async () => {
    await realVault()
    // A -wal with frames of another database: SQLite would replay it into a new file of the same name.
    const other = join(dir.path, 'other.db')
    const db = new BetterSqlite3(other)
    db.pragma('locking_mode = EXCLUSIVE')
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    writeFileSync(`${core.paths.vaultFile}-wal`, readFileSync(`${other}-wal`))
    db.close()
    writeFileSync(core.paths.vaultFile, '')
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD, replaceUnfinished: true })
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(core.vault.keys().list()).toEqual([])
  })
})

describe('two creates racing for one data folder', () => {
  it('one wins; the other is told a vault exists and never overwrites it', async () => {
    const rival = testCore(dir.path)
    try {
      // Both look before either has a file in place: the link into place is what decides.
      const [mine, theirs] = await Promise.all([
        core.handlers['keyhold:vault.create']({ password: STRONG_PASSWORD }),
        rival.handlers['keyhold:vault.create']({ password: OTHER_STRONG_PASSWORD }),
      ])
      const outcomes = [mine, theirs].map((r) => (r.ok ? 'created' : r.error.code)).sort()
      expect(outcomes).toEqual(['VAULT_EXISTS', 'created'])
      const winner = mine.ok ? core : rival
      const password = mine.ok ? STRONG_PASSWORD : OTHER_STRONG_PASSWORD
      await call(winner, 'keyhold:keys.add', sampleKeys('race')[0])
      await call(winner, 'keyhold:vault.lock')
      await call(winner, 'keyhold:vault.unlock', { password })
      expect(winner.vault.keys().list()).toHaveLength(1)
      expect(readdirSync(dir.path).filter((f) => f.includes('.creating-'))).toEqual([])
    } finally {
      await rival.shutdown()
    }
  })
})
