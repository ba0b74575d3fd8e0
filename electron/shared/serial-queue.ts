/** Runs tasks one at a time, in call order: vault state changes never interleave. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const next = this.tail.then(() => task())
    this.tail = next.catch(() => undefined)
    return next
  }
}
