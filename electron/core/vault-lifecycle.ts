import type { LockReason } from '../shared/dto'

/** What the vault announces (DESIGN.md, "Core lifecycle"), with what each participant is told. */
export interface LifecycleEvents {
  /** The vault key is in memory and the stores are open. */
  readonly unlocked: () => void | Promise<void>
  /** About to wipe the key: the stores are still open, for a last backup or a last write. */
  readonly willLock: (reason: LockReason) => void | Promise<void>
}

export type LifecycleEvent = keyof LifecycleEvents

type Participant = (...args: readonly unknown[]) => void | Promise<void>

/** The part of the lifecycle a participant sees: it can join and leave, never announce. */
export interface LifecycleSubscriptions {
  on<E extends LifecycleEvent>(event: E, participant: LifecycleEvents[E]): () => void
}

export interface VaultLifecycleOptions {
  /**
   * How long one participant may take before the vault goes on without it. A lock must always
   * complete: a participant that hangs must not keep the key in memory.
   */
  readonly participantTimeoutMs?: number
  /** Told which event a participant failed or ran out of time on; never the error's text. */
  readonly onParticipantFailed?: (event: LifecycleEvent) => void
}

export const DEFAULT_PARTICIPANT_TIMEOUT_MS = 5_000

/**
 * The vault's transitions, announced to whoever subscribed (checks, captures, the clipboard, the
 * idle timer, and later reminders and backups), so the composition root wires none of them.
 * Announcing awaits every participant at once; a failure or a hang is contained to that one.
 */
export class VaultLifecycle implements LifecycleSubscriptions {
  private readonly participants: Record<LifecycleEvent, Set<{ readonly run: Participant }>> = { unlocked: new Set(), willLock: new Set() }
  private readonly timeoutMs: number
  private readonly onFailed: (event: LifecycleEvent) => void

  constructor(options: VaultLifecycleOptions = {}) {
    this.timeoutMs = options.participantTimeoutMs ?? DEFAULT_PARTICIPANT_TIMEOUT_MS
    this.onFailed = options.onParticipantFailed ?? ((event) => console.warn(`Keyhold: a step run on "${event}" failed or took too long; the vault went on without it.`))
  }

  on<E extends LifecycleEvent>(event: E, participant: LifecycleEvents[E]): () => void {
    // One entry per subscription, so the same function subscribed twice leaves once per unsubscribe.
    const entry = { run: participant as Participant }
    this.participants[event].add(entry)
    return () => {
      this.participants[event].delete(entry)
    }
  }

  /** Runs every participant of `event` at once and resolves when all have settled; never rejects. */
  async announce<E extends LifecycleEvent>(event: E, ...args: Parameters<LifecycleEvents[E]>): Promise<void> {
    const entries = [...this.participants[event]]
    await Promise.all(entries.map((entry) => this.runContained(event, () => entry.run(...args))))
  }

  private async runContained(event: LifecycleEvent, run: () => void | Promise<void>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const outOfTime = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.timeoutMs)
      timer.unref?.()
    })
    try {
      const settled = await Promise.race([Promise.resolve().then(run), outOfTime])
      if (settled === 'late') this.onFailed(event)
    } catch {
      this.onFailed(event)
    } finally {
      clearTimeout(timer)
    }
  }
}
