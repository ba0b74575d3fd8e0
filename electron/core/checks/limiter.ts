/**
 * At most `perHost` requests in flight to one host and `overall` in all: a provider is never
 * hammered by "check all", and one slow provider cannot take every slot.
 */
export class RequestLimiter {
  private inFlight = 0
  private readonly perHostInFlight = new Map<string, number>()
  private readonly waiting: { host: string; start: () => void }[] = []

  constructor(
    private readonly perHost = 4,
    private readonly overall = 16,
  ) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await this.acquire(host)
    try {
      return await task()
    } finally {
      this.release(host)
    }
  }

  private acquire(host: string): Promise<void> {
    if (this.canStart(host)) {
      this.take(host)
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiting.push({ host, start: resolve }))
  }

  private canStart(host: string): boolean {
    return this.inFlight < this.overall && (this.perHostInFlight.get(host) ?? 0) < this.perHost
  }

  private take(host: string): void {
    this.inFlight++
    this.perHostInFlight.set(host, (this.perHostInFlight.get(host) ?? 0) + 1)
  }

  private release(host: string): void {
    this.inFlight--
    this.perHostInFlight.set(host, (this.perHostInFlight.get(host) ?? 1) - 1)
    // First come, first served, skipping over waiters whose host is still full.
    for (let i = 0; i < this.waiting.length; i++) {
      const next = this.waiting[i] as { host: string; start: () => void }
      if (this.canStart(next.host)) {
        this.waiting.splice(i, 1)
        this.take(next.host)
        next.start()
        i--
      }
      if (this.inFlight >= this.overall) break
    }
  }
}
