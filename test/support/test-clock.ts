import type { PauseClock } from '../../electron/core/vault/password-throttle'

/**
 * A clock whose pauses pass at once (on the next turn of the event loop) and move its time on by as much, so a test can ask for
 * minutes of throttling and still run in milliseconds. The host's is Date.now with setTimeout.
 */
export class TestClock implements PauseClock {
  readonly sleeps: number[] = []

  constructor(
    private time: number,
    /** Runs as each pause begins: what is on disk by then was written before the answer. */
    private readonly onSleep?: () => void,
  ) {}

  now(): number {
    return this.time
  }

  advance(ms: number): void {
    this.time += ms
  }

  /** Ends on a later turn of the event loop, as a real timer does, so work that ran during the pause shows the time before it. */
  sleep(ms: number): Promise<void> {
    this.onSleep?.()
    this.sleeps.push(ms)
    return new Promise((resolve) =>
      setImmediate(() => {
        this.time += ms
        resolve()
      }),
    )
  }
}
