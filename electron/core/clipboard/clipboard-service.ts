import { createHash, timingSafeEqual } from 'node:crypto'
import type { ClipboardState, KeyField } from '../../shared/dto'
import { KeyholdError } from '../errors'
import type { CoreEvents } from '../events'
import { SerialQueue } from '../../shared/serial-queue'
import type { LifecycleSubscriptions } from '../vault-lifecycle'
import { ClipboardUnavailableError, type ClipboardPort } from './clipboard-port'

type ClearReason = Extract<ClipboardState, { state: 'cleared' }>['reason']

interface Holding {
  readonly digest: Buffer
  readonly keyId: string
  readonly field: KeyField
  readonly timer: ReturnType<typeof setTimeout>
  readonly deadline: number
}

export interface ClipboardServiceDeps {
  readonly port: ClipboardPort
  readonly events: CoreEvents
  readonly clearAfterSeconds: () => number
  /** Called after each timed clear with how late it ran, for the clear_drift benchmark. */
  readonly onTimedClear?: (lateByMs: number) => void
  /** The vault's transitions: a lock or quit clears what Keyhold copied. */
  readonly lifecycle: LifecycleSubscriptions
}

/**
 * The clipboard policy (KeePassXC's, as the floor): a copied secret is cleared after the
 * timeout, on lock and on quit — but only if the clipboard still holds what Keyhold put there;
 * whatever the person copied since is left alone. Only a digest of the copied value is kept here.
 */
export class ClipboardService {
  private holding: Holding | undefined
  private readonly queue = new SerialQueue()

  constructor(private readonly deps: ClipboardServiceDeps) {
    deps.lifecycle.on('willLock', (reason) => this.clearIfOurs(reason === 'quit' ? 'quit' : 'lock'))
  }

  get concealed(): boolean {
    return this.deps.port.hints.concealed
  }

  /**
   * `record` is the copy's activity entry, written once the value is on the clipboard: if it
   * cannot be stored (a full or read-only disk), the clipboard is emptied again before the error
   * goes back, so a copy and its record happen together or not at all.
   */
  copy(value: string, keyId: string, field: KeyField, record: () => void = () => undefined): Promise<{ clearAfterSeconds: number }> {
    return this.serial(async () => {
      await this.guard(() => this.deps.port.writeSecret(value))
      try {
        record()
      } catch (err) {
        await this.deps.port.clear().catch(() => undefined)
        throw err
      }
      this.forget()
      const seconds = this.deps.clearAfterSeconds()
      const deadline = Date.now() + seconds * 1000
      const timer = setTimeout(() => {
        void this.clearIfOurs('timeout').then(() => this.deps.onTimedClear?.(Date.now() - deadline))
      }, seconds * 1000)
      timer.unref?.()
      this.holding = { digest: digest(value), keyId, field, timer, deadline }
      this.emit({ state: 'holding', keyId, field, clearAfterSeconds: seconds })
      return { clearAfterSeconds: seconds }
    })
  }

  /** Clears the clipboard if it still holds what Keyhold copied; otherwise leaves it alone. */
  clearIfOurs(reason: Exclude<ClearReason, 'replaced'>): Promise<void> {
    return this.serial(async () => {
      const held = this.holding
      if (!held) return
      this.forget()
      let current = ''
      try {
        current = await this.deps.port.readText()
      } catch {
        // Could not read it back: clearing could wipe what the person copied since, so don't.
        this.emit({ state: 'cleared', reason: 'replaced' })
        return
      }
      const ours = current !== '' && safeEqual(digest(current), held.digest)
      if (ours) await this.deps.port.clear().catch(() => undefined)
      this.emit({ state: 'cleared', reason: ours ? reason : 'replaced' })
    })
  }

  /**
   * "Paste from clipboard": reads the clipboard in core and clears it, so the pasted secret never
   * passes through the window and does not linger either.
   */
  capture(): Promise<string> {
    return this.serial(async () => {
      const text = await this.guard(() => this.deps.port.readText())
      if (text === '') throw new KeyholdError('CLIPBOARD_EMPTY')
      const port = this.deps.port
      await (port.wipe ? port.wipe() : port.clear()).catch(() => undefined)
      this.forget()
      return text
    })
  }

  async close(): Promise<void> {
    await this.clearIfOurs('quit')
    await this.deps.port.close?.()
  }

  private forget(): void {
    if (this.holding) clearTimeout(this.holding.timer)
    this.holding = undefined
  }

  private emit(state: ClipboardState): void {
    this.deps.events.emit('keyhold:clipboard.changed', state)
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      throw new KeyholdError('CLIPBOARD_UNAVAILABLE', err instanceof ClipboardUnavailableError ? { message: `The clipboard could not be used. ${err.message}` } : {})
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    return this.queue.run(fn)
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}
