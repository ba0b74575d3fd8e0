import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, callError, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { QUICK_KDF } from '../support/quick-kdf'

const CHILD = join(import.meta.dirname, '../support/create-vault-child.ts')
const ROUNDS = 24

/** Starts the child; resolves once its core is up, with the time the create then took (or the kill). */
async function runChild(dataDir: string, kdf: 'quick-kdf' | 'argon2id', killAfterMs?: number): Promise<{ output: string; createMs: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, kdf], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  let readyAt = 0
  const exited = once(child, 'exit')
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    output += chunk
    if (readyAt === 0 && output.includes('ready\n')) {
      readyAt = performance.now()
      // The kill is the random moment under test, not a wait for anything.
      if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    }
  })
  await exited
  return { output, createMs: performance.now() - readyAt }
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
