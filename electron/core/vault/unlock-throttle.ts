/**
 * A growing pause after repeated wrong passwords: the first two are answered at once (typos),
 * then 1 s, 2 s, 4 s … up to 30 s. The pause is on top of the full KDF every attempt already costs.
 */
export class UnlockThrottle {
  private failures = 0

  static readonly FREE_ATTEMPTS = 2
  static readonly MAX_DELAY_MS = 30_000

  delayAfterFailureMs(): number {
    this.failures += 1
    return UnlockThrottle.delayFor(this.failures)
  }

  /** The pause the next wrong password would get, so the person is told before trying. */
  nextDelayMs(): number {
    return UnlockThrottle.delayFor(this.failures + 1)
  }

  private static delayFor(failures: number): number {
    const over = failures - UnlockThrottle.FREE_ATTEMPTS
    return over <= 0 ? 0 : Math.min(1000 * 2 ** (over - 1), UnlockThrottle.MAX_DELAY_MS)
  }

  get failedAttempts(): number {
    return this.failures
  }

  reset(): void {
    this.failures = 0
  }
}

/** "That password did not unlock the vault." and, once pauses start, how long the next one lasts. */
export function wrongPasswordSentence(base: string, nextDelayMs: number): string {
  if (nextDelayMs === 0) return base
  const seconds = Math.round(nextDelayMs / 1000)
  return `${base} Another wrong try will wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} before Keyhold answers.`
}
