import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, callError, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { runChild as runScript } from '../support/kill-child'
import { QUICK_KDF } from '../support/quick-kdf'

const CHILD = join(import.meta.dirname, '../support/create-vault-child.ts')
const ROUNDS = 24

const runChild = async (dataDir: string, kdf: 'quick-kdf' | 'argon2id', killAfterMs?: number) => {
  const { output, ranMs } = await runScript(CHILD, [dataDir, kdf], killAfterMs)
  return { output, createMs: ranMs }
}

describe('kill -9 while a vault is being created', () => {
  // Most rounds with a key derivation that takes no time, so the kills fall on the file work (the
  // temporary file, its sync, the link into place); a few with the real Argon2id worker as well.
  it.each([
    ['quick-kdf', ROUNDS],
    ['argon2id', 6],
  ] as const)('never leaves a damaged vault (%s, %i rounds)', async (kdf, rounds) => {
    // One create that runs to the end sets the window the kills are spread over.
    const calibration = tempDir()
    const full = await runChild(calibration.path, kdf)
    calibration.remove()
    expect(full.output).toContain('created')
    const seen: Record<string, number> = {}
    for (let round = 0; round < rounds; round++) {
      const dir = tempDir()
      try {
        await runChild(dir.path, kdf, Math.random() * full.createMs * 1.2)
        const core = testCore(dir.path, kdf === 'quick-kdf' ? { kdf: QUICK_KDF } : {})
        try {
          const { state } = await call(core, 'keyhold:vault.status')
          seen[state] = (seen[state] ?? 0) + 1
          expect(['absent', 'unfinished', 'locked'], `round ${round}: ${readdirSync(dir.path).join(' ')}`).toContain(state)
          if (state === 'locked') {
            await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
          } else {
            // Nothing but a finished vault ever stands at the vault's own path.
            expect(existsSync(core.paths.vaultFile), `round ${round}`).toBe(false)
            if (state === 'unfinished') expect((await callError(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })).code).toBe('VAULT_UNFINISHED')
            await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD, replaceUnfinished: true })
            await call(core, 'keyhold:vault.lock')
            await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
          }
          expect(readdirSync(dir.path).filter((f) => f.includes('.creating-'))).toEqual([])
        } finally {
          await core.shutdown()
        }
      } finally {
        dir.remove()
      }
    }
    // The figures for the note: how the random moments fell.
    console.warn(`create kill -9 (${kdf}): ${rounds} rounds, outcomes ${JSON.stringify(seen)}, a full create took ${full.createMs.toFixed(0)} ms`)
  }, 600_000)
})
