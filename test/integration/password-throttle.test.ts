import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { PASSWORD_ATTEMPTS_FILE } from '../../electron/core/vault/password-attempts-file'
import { createWorkerKdf, type KdfRunner } from '../../electron/core/vault/kdf-worker'
import { deferred, settled } from '../support/async'
import { call, callError, testCore, type TestCoreOptions } from '../support/core'
import { OTHER_STRONG_PASSWORD, STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { MemoryClipboard } from '../support/memory-clipboard'
import { TestClock } from '../support/test-clock'

/*
 * One throttle for every check of the master password, on real vault files with the real KDF
 * worker. The clock is a test clock so minutes of pauses run in milliseconds; two cores opened in
 * turn on one data folder stand for a host that was restarted (the first is never shut down, as
 * after a kill: nothing of its own runs between its last answer and the next core).
 */

let dir: ReturnType<typeof tempDir>
const cores: KeyholdCore[] = []
beforeEach(() => {
  dir = tempDir()
})
afterEach(async () => {
  for (const core of cores.splice(0)) await core.shutdown()
  dir.remove()
})

function open(clock: TestClock, options: TestCoreOptions = {}): KeyholdCore {
  const core = testCore(dir.path, { clipboard: new MemoryClipboard(), now: () => clock.now(), sleep: (ms) => clock.sleep(ms), ...options })
  cores.push(core)
  return core
}

const onDisk = () => JSON.parse(readFileSync(join(dir.path, PASSWORD_ATTEMPTS_FILE), 'utf8')) as { failures: number; lastFailureAt: number }

describe('parallel guesses on change-password', () => {
  it('ten at once are answered one at a time, each KDF after the pause before it, and the pauses add up', { timeout: 30_000 }, async () => {
    const clock = new TestClock(1_700_000_000_000)
    const real = createWorkerKdf()
    const kdfStarts: number[] = []
    let running = 0
    let most = 0
    const kdf: KdfRunner = {
      async derive(password, params) {
        running++
        most = Math.max(most, running)
        kdfStarts.push(clock.now())
        try {
          return await real.derive(password, params)
        } finally {
          running--
        }
      },
    }
    const core = open(clock, { kdf })
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    kdfStarts.length = 0
    const start = clock.now()
    const answered: number[] = []
    const errors = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        callError(core, 'keyhold:vault.changePassword', { currentPassword: `not the password ${i}`, newPassword: OTHER_STRONG_PASSWORD }).then((error) => {
          answered.push(clock.now() - start)
          return error
        }),
      ),
    )
    expect(errors.every((e) => e.code === 'WRONG_PASSWORD' && e.field === 'currentPassword')).toBe(true)
    expect(clock.sleeps).toEqual([0, 0, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
    // Each answer came after its own pause, in turn: 121 s of pauses in all.
    expect(answered).toEqual([0, 0, 1000, 3000, 7000, 15000, 31000, 61000, 91000, 121000])
    // No guess had a KDF while another's was running or paused.
    expect(most).toBe(1)
    expect(kdfStarts.map((t) => t - start)).toEqual([0, 0, 0, 1000, 3000, 7000, 15000, 31000, 61000, 91000])
    expect(errors.at(-1)?.message).toBe('That is not the current master password. Another wrong try will wait 30 seconds before Keyhold answers.')
    // The right password still works, and clears the count.
    await call(core, 'keyhold:vault.changePassword', { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD })
    expect(onDisk().failures).toBe(0)
  })

  it('a lock is not kept waiting by a guess that is pausing', async () => {
    const clock = new TestClock(0)
    const gate = deferred()
    const paused = deferred()
    const core = open(clock, {
      sleep: (ms) => {
        if (ms === 0) return Promise.resolve()
        paused.resolve()
        return gate.promise
      },
    })
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    for (let i = 0; i < 2; i++) await callError(core, 'keyhold:vault.changePassword', { currentPassword: `wrong ${i}`, newPassword: OTHER_STRONG_PASSWORD })
    const pausing = callError(core, 'keyhold:vault.changePassword', { currentPassword: 'wrong 3', newPassword: OTHER_STRONG_PASSWORD })
    await paused.promise
    expect(onDisk().failures).toBe(3)
    expect(await settled(pausing)).toBe(false)
    expect(await call(core, 'keyhold:vault.lock')).toMatchObject({ state: 'locked' })
    gate.resolve()
    expect(await pausing).toMatchObject({ code: 'WRONG_PASSWORD' })
  })
})

describe('one count for unlock and change-password', () => {
  it('wrong tries on change-password lengthen the pause of the next unlock, and the other way round', { timeout: 20_000 }, async () => {
    const clock = new TestClock(0)
    const core = open(clock)
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    for (let i = 0; i < 3; i++) await callError(core, 'keyhold:vault.changePassword', { currentPassword: `wrong ${i}`, newPassword: OTHER_STRONG_PASSWORD })
    await call(core, 'keyhold:vault.lock')
    const error = await callError(core, 'keyhold:vault.unlock', { password: 'wrong on unlock' })
    // The fourth wrong password in a row: its pause is 2 s, the next one's 4 s.
    expect(clock.sleeps).toEqual([0, 0, 1000, 2000])
    expect(error.message).toBe('That password did not unlock the vault. Another wrong try will wait 4 seconds before Keyhold answers.')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(onDisk().failures).toBe(0)
    for (let i = 0; i < 2; i++) {
      await call(core, 'keyhold:vault.lock')
      await callError(core, 'keyhold:vault.unlock', { password: `wrong again ${i}` })
      await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD }).catch(() => undefined)
    }
    // Every right password cleared the count: no pause started again.
    expect(clock.sleeps.slice(4)).toEqual([0, 0])
    await call(core, 'keyhold:vault.lock')
    await callError(core, 'keyhold:vault.unlock', { password: 'first' })
    await callError(core, 'keyhold:vault.unlock', { password: 'second' })
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    const afterUnlocks = await callError(core, 'keyhold:vault.changePassword', { currentPassword: 'third', newPassword: OTHER_STRONG_PASSWORD })
    expect(afterUnlocks.message).toBe('That is not the current master password.')
  })
})

describe('a restarted core continues the pause', () => {
  it('the count is on disk when the wrong answer arrives, and the next core on the folder waits out the rest', { timeout: 20_000 }, async () => {
    const clock = new TestClock(1_000_000)
    const first = open(clock)
    await call(first, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await call(first, 'keyhold:vault.lock')
    for (let i = 1; i <= 4; i++) {
      await callError(first, 'keyhold:vault.unlock', { password: `guess ${i}` })
      expect(onDisk().failures).toBe(i)
    }
    const lastFailureAt = onDisk().lastFailureAt
    // A new core on the same folder half a second after the last failure was recorded.
    clock.advance(lastFailureAt + 500 - clock.now())
    const sleepsBefore = clock.sleeps.length
    const second = open(clock)
    const error = await callError(second, 'keyhold:vault.unlock', { password: 'guess 5' })
    // The rest of the 2 s the fourth failure owed, then the fifth's own 4 s.
    expect(clock.sleeps.slice(sleepsBefore)).toEqual([1500, 4000])
    expect(error.message).toBe('That password did not unlock the vault. Another wrong try will wait 8 seconds before Keyhold answers.')
    expect(onDisk().failures).toBe(5)

    // The right password on the restarted core resets it, for the core after that as well.
    await call(second, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    await call(second, 'keyhold:vault.lock')
    const third = open(clock)
    const fresh = await callError(third, 'keyhold:vault.unlock', { password: 'a typo' })
    expect(fresh.message).toBe('That password did not unlock the vault.')
    expect(clock.sleeps.at(-1)).toBe(0)
  })

  it('a new vault created in the folder starts with no count', { timeout: 20_000 }, async () => {
    const clock = new TestClock(0)
    const first = open(clock)
    await call(first, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await call(first, 'keyhold:vault.lock')
    for (let i = 0; i < 5; i++) await callError(first, 'keyhold:vault.unlock', { password: `guess ${i}` })
    await first.shutdown()
    // The person gives the old vault up and starts again in the same folder.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${first.paths.vaultFile}${suffix}`, { force: true })
    expect(onDisk().failures).toBe(5)
    const fresh = open(clock)
    await call(fresh, 'keyhold:vault.create', { password: OTHER_STRONG_PASSWORD })
    expect(onDisk().failures).toBe(0)
    await call(fresh, 'keyhold:vault.lock')
    const sleepsBefore = clock.sleeps.length
    expect((await callError(fresh, 'keyhold:vault.unlock', { password: 'a typo' })).message).toBe('That password did not unlock the vault.')
    expect(clock.sleeps.slice(sleepsBefore)).toEqual([0])
  })
})

describe('a host killed with SIGKILL', () => {
  const ROOT = join(import.meta.dirname, '..', '..')
  const children: ChildProcess[] = []
  // A test that fails before its kill must not leave a host running.
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })

  /** Runs one wrong unlock in a child host and kills it (-9) the moment its stdout shows `killAt`. */
  async function guessInChild(password: string, killAt: RegExp): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/guess-once.ts'), dir.path, password], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
    let out = ''
    const seen = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const line = out.split('\n').find((l) => killAt.test(l))
        if (line !== undefined) {
          child.kill('SIGKILL')
          resolve(line)
        } else if (out.includes('answered ')) {
          // It answered without what the test waits for: fail now, not at the timeout.
          child.kill('SIGKILL')
          reject(new Error(`the child host answered before "${killAt.source}": ${out}`))
        }
      })
      child.once('exit', () => reject(new Error(`the child host ended before "${killAt.source}": ${out}`)))
    })
    expect(await exited).toBe('SIGKILL')
    return seen
  }

  it('killed during the pause of a wrong password (before its answer), the next host waits out the rest and counts on', { timeout: 60_000 }, async () => {
    const clock = new TestClock(Date.now())
    const first = open(clock)
    await call(first, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await call(first, 'keyhold:vault.lock')
    for (let i = 0; i < 2; i++) await callError(first, 'keyhold:vault.unlock', { password: `free typo ${i}` })
    await first.shutdown()
    // The third wrong password owes a 1 s pause; the child is killed as that pause begins.
    expect(await guessInChild('third guess', /^pausing [1-9]/)).toBe('pausing 1000')
    expect(onDisk().failures).toBe(3)
    const restarted = new TestClock(Date.now())
    const next = open(restarted)
    const error = await callError(next, 'keyhold:vault.unlock', { password: 'fourth guess' })
    const [rest, own] = restarted.sleeps
    expect(rest).toBeGreaterThan(0)
    expect(rest).toBeLessThanOrEqual(1000)
    expect(own).toBe(2000)
    expect(error.message).toBe('That password did not unlock the vault. Another wrong try will wait 4 seconds before Keyhold answers.')
  })

  it('killed right after a wrong answer, the count it answered with is the next host\'s', { timeout: 60_000 }, async () => {
    const first = open(new TestClock(Date.now()))
    await call(first, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await call(first, 'keyhold:vault.lock')
    await first.shutdown()
    for (let i = 1; i <= 2; i++) {
      const answer = await guessInChild(`guess ${i}`, /^answered /)
      expect(answer).toContain('WRONG_PASSWORD')
    }
    const next = open(new TestClock(Date.now()))
    const error = await callError(next, 'keyhold:vault.unlock', { password: 'guess 3' })
    expect(error.message).toBe('That password did not unlock the vault. Another wrong try will wait 2 seconds before Keyhold answers.')
  })
})
