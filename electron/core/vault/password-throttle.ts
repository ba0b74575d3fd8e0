import { KeyholdError } from '../errors'
import { SerialQueue } from '../../shared/serial-queue'
import type { PasswordAttempts, PasswordAttemptsStore } from './password-attempts-file'

/** Time for the throttle: the host's clock and timers, or a test's that moves on when asked to wait. */
export interface PauseClock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const FREE_ATTEMPTS = 2
export const MAX_DELAY_MS = 30_000

/**
 * The pause after the n-th wrong password in a row: the first two are answered at once (typos),
 * then 1 s, 2 s, 4 s … up to 30 s. It is on top of the full KDF every attempt already costs.
 */
export function delayAfterFailures(failures: number): number {
  const over = failures - FREE_ATTEMPTS
  return over <= 0 ? 0 : Math.min(1000 * 2 ** (over - 1), MAX_DELAY_MS)
}

/** The count a damaged attempts file stands for: the longest pause, so damage never buys a free guess. */
const FAILURES_AT_CAP = FREE_ATTEMPTS + 1 + Math.ceil(Math.log2(MAX_DELAY_MS / 1000))

interface State {
  failures: number
  lastFailureAt: number
  /** Whether the pause after the last failure has been waited out by this process. */
  served: boolean
}

/**
 * One throttle for every path that checks the master password (unlock, change password): a wrong
 * password on one counts toward the pause on the other. Attempts take turns: a guess waits for
 * the one before it, its pause included, so parallel guesses never get a KDF each for free. The
 * count is written before the wrong answer is sent, so restarting the host continues the pause.
 *
 * The turns are its own, not the vault's queue, so a lock never waits behind a guesser's pauses.
 */
export class PasswordThrottle {
  private readonly turns = new SerialQueue()
  private state: State | undefined

  constructor(
    private readonly store: PasswordAttemptsStore,
    private readonly clock: PauseClock,
  ) {}

  /**
   * Runs `verify` (which throws WRONG_PASSWORD for a wrong one) in turn, after any pause still
   * owed. A wrong password is recorded, then paused on, then answered with how long the next
   * wrong try will wait; a right one clears the count.
   */
  attempt<T>(verify: () => Promise<T>): Promise<T> {
    return this.turns.run(async () => {
      const state = this.load()
      if (!state.served) {
        // Only after a restart (or a damaged file): the pause the last process had not finished.
        const owed = delayAfterFailures(state.failures)
        const left = Math.min(owed, Math.max(0, state.lastFailureAt + owed - this.clock.now()))
        if (left > 0) await this.clock.sleep(left)
        state.served = true
      }
      let result: T
      try {
        result = await verify()
      } catch (err) {
        if (!(err instanceof KeyholdError && err.code === 'WRONG_PASSWORD')) throw err
        state.failures += 1
        state.lastFailureAt = this.clock.now()
        state.served = false
        this.save(state)
        await this.clock.sleep(delayAfterFailures(state.failures))
        state.served = true
        throw new KeyholdError('WRONG_PASSWORD', {
          ...(err.field === undefined ? {} : { field: err.field }),
          message: wrongPasswordSentence(err.message, delayAfterFailures(state.failures + 1)),
        })
      }
      if (state.failures > 0) {
        state.failures = 0
        this.save(state)
      }
      return result
    })
  }

  /** Wrong passwords since the last right one, as this process counts them. */
  get failedAttempts(): number {
    return this.load().failures
  }

  /** A new vault in the folder: the count belonged to the one it replaced. */
  reset(): void {
    const state = this.load()
    if (state.failures === 0) return
    state.failures = 0
    this.save(state)
  }

  /** Read once: after that this process's count is the truth, so a folder that turned read-only still counts. */
  private load(): State {
    if (this.state) return this.state
    const stored = this.store.read()
    this.state =
      stored === 'none'
        ? { failures: 0, lastFailureAt: 0, served: true }
        : stored === 'unreadable'
          ? { failures: FAILURES_AT_CAP, lastFailureAt: this.clock.now(), served: false }
          : { ...stored, served: false }
    return this.state
  }

  /**
   * Durable before the caller answers. A write that fails (a read-only or full disk) still leaves
   * the count and the pauses of this process in force; only a restart would then forget them, and
   * refusing to answer instead would lock the person out of a vault on a read-only disk.
   */
  private save(state: State): void {
    const attempts: PasswordAttempts = { failures: state.failures, lastFailureAt: state.lastFailureAt }
    try {
      this.store.write(attempts)
    } catch {
      // Kept in memory, as above.
    }
  }
}

/** "That password did not unlock the vault." and, once pauses start, how long the next one lasts. */
export function wrongPasswordSentence(base: string, nextDelayMs: number): string {
  if (nextDelayMs === 0) return base
  const seconds = Math.round(nextDelayMs / 1000)
  return `${base} Another wrong try will wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} before Keyhold answers.`
}
