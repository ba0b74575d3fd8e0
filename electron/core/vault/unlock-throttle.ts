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
    const over = this.failures - UnlockThrottle.FREE_ATTEMPTS
    return over <= 0 ? 0 : Math.min(1000 * 2 ** (over - 1), UnlockThrottle.MAX_DELAY_MS)
  }

  get failedAttempts(): number {
    return this.failures
  }

  reset(): void {
    this.failures = 0
  }
}
