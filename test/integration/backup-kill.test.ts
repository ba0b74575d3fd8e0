import { cpSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vaultPaths } from '../../electron/core/paths'
import { BACKUPS_KEPT } from '../../electron/core/store/backups'
import { MIGRATIONS } from '../../electron/core/store/migrations'
import { call, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { runChild } from '../support/kill-child'
import { writeLegacyVault } from '../support/legacy-vault'

const CHILD = join(import.meta.dirname, '../support/unlock-vault-child.ts')
const ROUNDS = 20

let template: ReturnType<typeof tempDir>
beforeAll(async () => {
  // A vault one version behind, with a full rotation of backups, made big enough (16 MiB) that
  // the copy before its upgrade takes long enough for random kills to land inside it.
  template = tempDir()
  await writeLegacyVault(template.path, MIGRATIONS.length - 1, 'bk', BACKUPS_KEPT)
  const db = new BetterSqlite3(vaultPaths(template.path).vaultFile)
  db.exec('CREATE TABLE ballast (x BLOB)')
  const insert = db.prepare('INSERT INTO ballast VALUES (randomblob(65536))')
  db.transaction(() => {
    for (let i = 0; i < 256; i++) insert.run()
  })()
  db.close()
})
afterAll(() => template.remove())

function copyOfTemplate(): ReturnType<typeof tempDir> {
  const dir = tempDir()
  cpSync(template.path, dir.path, { recursive: true })
  return dir
}

describe('kill -9 during an upgrade’s backup', () => {
  it(`never leaves a broken backup among the kept ones (${ROUNDS} rounds)`, async () => {
    const calibration = copyOfTemplate()
    const full = await runChild(CHILD, [calibration.path])
    calibration.remove()
    expect(full.output).toContain('unlocked')
    let roundsWithLeftovers = 0
    for (let round = 0; round < ROUNDS; round++) {
      const dir = copyOfTemplate()
      try {
        await runChild(CHILD, [dir.path], Math.random() * full.ranMs)
        const backupDir = vaultPaths(dir.path).backupDir
        if (readdirSync(backupDir).some((f) => !f.endsWith('.bak'))) roundsWithLeftovers++
        // The next start unlocks, upgrades if the killed one did not, and keeps only whole copies.
        const core = testCore(dir.path)
        try {
          await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
        } finally {
          await core.shutdown()
        }
        const after = readdirSync(backupDir).sort()
        expect(after, `round ${round}`).toHaveLength(BACKUPS_KEPT)
        for (const name of after) {
          expect(name, `round ${round}`).toMatch(/\.bak$/)
          const copy = new BetterSqlite3(join(backupDir, name), { readonly: true, fileMustExist: true })
          try {
            expect(copy.pragma('integrity_check', { simple: true }), `round ${round}: ${name}`).toBe('ok')
          } finally {
            copy.close()
          }
        }
      } finally {
        dir.remove()
      }
    }
    // The figures for the note: how often a kill landed inside a copy.
    console.warn(`backup kill -9: ${ROUNDS} rounds, ${roundsWithLeftovers} killed inside a copy (its leftovers cleaned), a full unlock with its backup took ${full.ranMs.toFixed(0)} ms`)
  }, 600_000)
})
