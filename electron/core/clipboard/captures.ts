import { randomUUID } from 'node:crypto'
import type { CaptureResult } from '../../shared/dto'
import { KeyholdError } from '../errors'
import type { LifecycleSubscriptions } from '../vault-lifecycle'
import { hasEdgeWhitespace, hasInnerControlChars, hasInvisibleChars, SECRET_MAX_BYTES, utf8Length } from '../validation/text-rules'

const CAPTURE_TTL_MS = 10 * 60_000

/**
 * Values pasted from the clipboard for a key being added: held in core under an id until the
 * key is saved (or 10 minutes pass, or the vault locks), so the window only ever holds the id.
 */
export class CaptureStore {
  private readonly held = new Map<string, { value: string; expires: number }>()

  constructor(lifecycle: LifecycleSubscriptions) {
    lifecycle.on('willLock', () => this.clear())
  }

  put(value: string): CaptureResult {
    this.prune()
    const captureId = randomUUID()
    this.held.set(captureId, { value, expires: Date.now() + CAPTURE_TTL_MS })
    return {
      captureId,
      length: [...value].length,
      edgeWhitespace: hasEdgeWhitespace(value),
      invisibleCharacters: hasInvisibleChars(value),
      controlCharacters: hasInnerControlChars(value),
      tooLong: utf8Length(value) > SECRET_MAX_BYTES,
    }
  }

  /** The captured value, for the add or update it was pasted for. */
  take(captureId: string): string {
    this.prune()
    const entry = this.held.get(captureId)
    if (!entry) {
      throw new KeyholdError('INVALID_INPUT', { field: 'secret', message: 'The pasted key is no longer held. Paste it again.' })
    }
    return entry.value
  }

  release(captureId: string): void {
    this.held.delete(captureId)
  }

  clear(): void {
    this.held.clear()
  }

  private prune(): void {
    const now = Date.now()
    for (const [id, entry] of this.held) if (entry.expires < now) this.held.delete(id)
  }
}

