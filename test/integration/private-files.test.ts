import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { vaultPaths } from '../../electron/core/paths'
import type { PrivacyWarning } from '../../electron/core/store/private-data-folder'
import { BACKUPS_KEPT } from '../../electron/core/store/backups'
import { MIGRATIONS } from '../../electron/core/store/migrations'
import { call, testCore } from '../support/core'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { writeLegacyVault } from '../support/legacy-vault'

let dir: ReturnType<typeof tempDir>
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

const mode = (path: string) => statSync(path).mode & 0o777

/** Every folder and file under the data folder (itself included) that is more open than 0700/0600. */
function tooOpen(root: string): string[] {
  const found: string[] = []
  if (mode(root) !== 0o700) found.push(`. ${mode(root).toString(8)}`)
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name)
    const expected = entry.isDirectory() ? 0o700 : 0o600
    if (mode(path) !== expected) found.push(`${path.slice(root.length + 1)} ${mode(path).toString(8)}`)
  }
  return found
}

describe('every file and folder Keyhold writes is its owner’s only', () => {
  it('after create, a write, lock, unlock and the log, with the WAL open and closed', async () => {
    const data = join(dir.path, 'Keyhold')
    const core = testCore(data)
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    expect(tooOpen(data)).toEqual([])
    await call(core, 'keyhold:keys.add', sampleKeys('m')[0])
    // While unlocked the commit sits in the -wal beside the vault.
    expect(readdirSync(data)).toContain('vault.keyhold-wal')
    expect(tooOpen(data)).toEqual([])
    await call(core, 'keyhold:vault.lock')
    expect(tooOpen(data)).toEqual([])
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(tooOpen(data)).toEqual([])
    await core.shutdown()
    expect(readdirSync(join(data, 'logs'))).toContain('keyhold.log')
    expect(tooOpen(data)).toEqual([])
  })

  it('after an upgrade’s backup, in a data folder that was 0755 with 0644 backups before', async () => {
    await writeLegacyVault(dir.path, 1, 'mb', 2)
    // What Keyhold before this left: the folder as Electron makes it, backups as SQLite makes them.
    chmodSync(dir.path, 0o755)
    chmodSync(vaultPaths(dir.path).backupDir, 0o755)
    for (const name of readdirSync(vaultPaths(dir.path).backupDir)) chmodSync(join(vaultPaths(dir.path).backupDir, name), 0o644)
    chmodSync(vaultPaths(dir.path).vaultFile, 0o644)
    const warnings: PrivacyWarning[] = []
    const core = testCore(dir.path, { onPrivacyWarning: (w) => warnings.push(w) })
    // Tightened at start, before anything is unlocked.
    expect(tooOpen(dir.path)).toEqual([])
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(readdirSync(core.paths.backupDir)).toHaveLength(3)
    expect(tooOpen(dir.path)).toEqual([])
    await core.shutdown()
    expect(warnings).toEqual([])
  })

  it('the password-attempt count and the sealed keychain key, left 0644, are narrowed at start', async () => {
    const core = testCore(dir.path)
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await call(core, 'keyhold:vault.lock')
    // A wrong password writes the count beside the vault.
    expect((await core.handlers['keyhold:vault.unlock']({ password: 'not the password at all 42' })).ok).toBe(false)
    await core.shutdown()
    const count = join(dir.path, 'password-attempts.json')
    const sealed = `${vaultPaths(dir.path).vaultFile}.keychain`
    writeFileSync(sealed, 'what an older copy left')
    for (const file of [count, sealed]) chmodSync(file, 0o644)
    const again = testCore(dir.path)
    expect(tooOpen(dir.path)).toEqual([])
    await again.shutdown()
  })
})

// chattr +i makes chmod fail even for root: the one real way here to hold a folder Keyhold cannot narrow.
const canMakeImmutable = (() => {
  const probe = tempDir()
  try {
    const ok = spawnSync('chattr', ['+i', probe.path]).status === 0
    spawnSync('chattr', ['-i', probe.path])
    return ok
  } finally {
    probe.remove()
  }
})()

describe('a data folder that cannot be narrowed', () => {
  it.runIf(canMakeImmutable)('is reported through onPrivacyWarning with a sentence, and Keyhold still starts', async () => {
    const data = join(dir.path, 'shared')
    mkdirSync(data, { mode: 0o755 })
    chmodSync(data, 0o755)
    expect(spawnSync('chattr', ['+i', data]).status).toBe(0)
    try {
      const warnings: PrivacyWarning[] = []
      const core = testCore(data, { onPrivacyWarning: (w) => warnings.push(w) })
      expect(warnings).toEqual([{ place: 'data-folder', path: data, message: expect.stringMatching(/could not make its data folder private/) }])
      expect(await call(core, 'keyhold:vault.status')).toEqual({ state: 'absent' })
      await core.shutdown()
    } finally {
      spawnSync('chattr', ['-i', data])
    }
  })
})

describe('backups', () => {
  it('are written under a temporary name and renamed: what a stopped copy left is cleaned and never counted', async () => {
    const paths = vaultPaths(dir.path)
    await writeLegacyVault(dir.path, MIGRATIONS.length - 1, 'bk', BACKUPS_KEPT)
    const kept = readdirSync(paths.backupDir).sort()
    expect(kept).toHaveLength(BACKUPS_KEPT)
    // A copy stopped mid-way by Keyhold before this: a broken .bak with its hot -journal, newer than every good one.
    const broken = 'vault.keyhold.2099-01-01T00-00-00-000Z.v0001.bak'
    writeFileSync(join(paths.backupDir, broken), Buffer.from('SQLite format 3\0 half a page'))
    writeFileSync(join(paths.backupDir, `${broken}-journal`), 'journal')
    // And one stopped under the temporary name this version writes to.
    const partial = 'vault.keyhold.2099-01-02T00-00-00-000Z.v0001.bak.partial-0a1b2c'
    writeFileSync(join(paths.backupDir, partial), 'partial')
    const core = testCore(dir.path, { now: () => Date.parse('2026-11-24T00:00:00Z') })
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    await core.shutdown()
    const after = readdirSync(paths.backupDir).sort()
    // The leftovers went and did not push a good copy out: the oldest good one made room for the new.
    expect(after.filter((f) => !f.endsWith('.bak'))).toEqual([])
    expect(after).toHaveLength(BACKUPS_KEPT)
    expect(after.slice(0, -1)).toEqual(kept.slice(1))
    expect(after.at(-1)).toMatch(/^vault\.keyhold\.2026-11-24T.*\.bak$/)
    for (const name of after) {
      const copy = new BetterSqlite3(join(paths.backupDir, name), { readonly: true })
      expect(copy.pragma('integrity_check', { simple: true }), name).toBe('ok')
      copy.close()
    }
  })
})
