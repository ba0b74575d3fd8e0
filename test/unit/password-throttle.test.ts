import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { KeyholdError } from '../../electron/core/errors'
import { PASSWORD_ATTEMPTS_FILE, passwordAttemptsFile } from '../../electron/core/vault/password-attempts-file'
import { delayAfterFailures, PasswordThrottle, wrongPasswordSentence } from '../../electron/core/vault/password-throttle'
import { tempDir } from '../support/fixtures'
import { TestClock } from '../support/test-clock'

let dir: ReturnType<typeof tempDir>
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

const wrong = () => Promise.reject(new KeyholdError('WRONG_PASSWORD'))
const right = () => Promise.resolve('open')
const stored = () => JSON.parse(readFileSync(join(dir.path, PASSWORD_ATTEMPTS_FILE), 'utf8')) as { failures: number; lastFailureAt: number }

describe('the pause schedule', () => {
  it('lets two typos through, then doubles the pause up to 30 s', () => {
    expect(Array.from({ length: 9 }, (_, i) => delayAfterFailures(i + 1))).toEqual([0, 0, 1000, 2000, 4000, 8000, 16000, 30000, 30000])
  })

  it('tells the next wait only once pauses start', () => {
    expect(wrongPasswordSentence('Wrong.', 0)).toBe('Wrong.')
    expect(wrongPasswordSentence('Wrong.', 1000)).toBe('Wrong. Another wrong try will wait 1 second before Keyhold answers.')
    expect(wrongPasswordSentence('Wrong.', 4000)).toBe('Wrong. Another wrong try will wait 4 seconds before Keyhold answers.')
  })
})

describe('the password throttle, on a real file', () => {
  it('writes the count (0600) before it pauses and answers, and clears it on a right password', async () => {
    const onDisk: number[] = []
    const clock = new TestClock(1_000_000, () => onDisk.push(stored().failures))
    const throttle = new PasswordThrottle(passwordAttemptsFile(dir.path), clock)
    for (let i = 0; i < 3; i++) await expect(throttle.attempt(wrong)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' })
    // The third wrong answer paused 1 s; the file already said so when the pause began.
    expect(clock.sleeps).toEqual([0, 0, 1000])
    expect(onDisk).toEqual([1, 2, 3])
    expect(stored()).toEqual({ failures: 3, lastFailureAt: 1_000_000 })
    expect(statSync(join(dir.path, PASSWORD_ATTEMPTS_FILE)).mode & 0o777).toBe(0o600)
    await expect(throttle.attempt(right)).resolves.toBe('open')
    expect(stored().failures).toBe(0)
  })

  it('a second throttle on the same folder continues the pause the first had not finished', async () => {
    const clock = new TestClock(5_000_000)
    // The first pauses nothing (its clock never moves on), like a host killed during its pause.
    const first = new PasswordThrottle(passwordAttemptsFile(dir.path), { now: () => clock.now(), sleep: () => Promise.resolve() })
    for (let i = 0; i < 5; i++) await first.attempt(wrong).catch(() => undefined)
    clock.advance(1500)
    const second = new PasswordThrottle(passwordAttemptsFile(dir.path), clock)
    await expect(second.attempt(right)).resolves.toBe('open')
    // 5 failures owe 4 s from the last one; 1.5 s had gone.
    expect(clock.sleeps).toEqual([2500])
  })

  it('treats a damaged file as the longest pause, never as a fresh start', async () => {
    writeFileSync(join(dir.path, PASSWORD_ATTEMPTS_FILE), '{"failures": "none"}')
    const clock = new TestClock(0)
    const throttle = new PasswordThrottle(passwordAttemptsFile(dir.path), clock)
    await throttle.attempt(right)
    expect(clock.sleeps).toEqual([30_000])
  })

  it('keeps counting in memory when the file cannot be written', async () => {
    const clock = new TestClock(0)
    const throttle = new PasswordThrottle({ read: () => 'none', write: () => { throw new Error('EROFS') } }, clock)
    for (let i = 0; i < 4; i++) await throttle.attempt(wrong).catch(() => undefined)
    expect(clock.sleeps).toEqual([0, 0, 1000, 2000])
  })

  it('answers parallel guesses one at a time, each after the pause of the one before', async () => {
    const clock = new TestClock(0)
    const throttle = new PasswordThrottle(passwordAttemptsFile(dir.path), clock)
    const started: number[] = []
    let running = 0
    let most = 0
    const verify = async () => {
      running++
      most = Math.max(most, running)
      started.push(clock.now())
      await new Promise((r) => setImmediate(r))
      running--
      throw new KeyholdError('WRONG_PASSWORD')
    }
    const answers = await Promise.allSettled(Array.from({ length: 6 }, () => throttle.attempt(verify)))
    expect(answers.every((a) => a.status === 'rejected')).toBe(true)
    expect(most).toBe(1)
    expect(started).toEqual([0, 0, 0, 1000, 3000, 7000])
  })
})
