import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** V8's own collector, as `--expose-gc` installs it; the options are those of V8's gc extension. */
type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void

let collect: Collect | null | undefined

/**
 * V8's collector without starting the process with `--expose-gc`: neither host controls its own
 * command line (Electron reads `--js-flags` for the main process only from the real one). The flag
 * is set for the one context made here and unset again, so no other context — a vm sandbox, the
 * KDF worker — is given a global `gc`. Node leaves flags unfrozen after start, and so does Electron
 * (its main process passes `--no-freeze-flags-after-init`); where that ever fails, nothing is
 * released and nothing else changes.
 */
function collector(): Collect | null {
  if (collect !== undefined) return collect
  try {
    setFlagsFromString('--expose-gc')
    const found: unknown = runInNewContext('gc')
    collect = typeof found === 'function' ? (found as Collect) : null
  } catch {
    collect = null
  } finally {
    setFlagsFromString('--no-expose-gc')
  }
  return collect
}

export interface MemoryReleased {
  /** How long the collection held the event loop. */
  readonly ms: number
  /** Resident memory afterwards, in MiB. */
  readonly rssMb: number
}

/**
 * A memory-reducing collection: what V8 does under memory pressure. Unlocking 10,000 keys grows
 * V8's young generation to 32 MiB for the second it takes, and V8 keeps it that size while the
 * process is merely idle; this gives those pages (about a third of the unlocked core's footprint)
 * back to the system. Undefined when V8's collector could not be reached.
 */
export function releaseUnusedMemory(): MemoryReleased | undefined {
  const run = collector()
  if (!run) return undefined
  const start = performance.now()
  run({ type: 'major', execution: 'sync', flavor: 'last-resort' })
  return { ms: performance.now() - start, rssMb: process.memoryUsage.rss() / (1024 * 1024) }
}

/**
 * Runs `releaseUnusedMemory` once things have gone quiet after an unlock or a lock: later calls
 * within `delayMs` move it on, so the window's first requests after an unlock are not held up by
 * the collection's few tens of milliseconds.
 */
export class MemoryRelease {
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly delayMs: number,
    private readonly onReleased: (released: MemoryReleased) => void,
    private readonly release: () => MemoryReleased | undefined = releaseUnusedMemory,
  ) {}

  schedule(): void {
    this.cancel()
    this.timer = setTimeout(() => {
      this.timer = undefined
      const released = this.release()
      if (released) this.onReleased(released)
    }, this.delayMs)
    // Never what keeps a host (or a test run) alive.
    this.timer.unref()
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }
}
