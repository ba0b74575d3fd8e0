import { randomUUID } from 'node:crypto'
import type { CaptureResult } from '../../shared/dto'
import { KeyholdError } from '../errors'
import type { LifecycleSubscriptions } from '../vault-lifecycle'
import { hasEdgeWhitespace, hasInnerControlChars, hasInvisibleChars, SECRET_MAX_BYTES, utf8Length } from '../../shared/validation/text-rules'

/**
 * Values pasted from the clipboard for a key being added: held in core under an id until the key
 * is saved, the person discards it, or the vault locks — never lost because the window closed
 * mid-way (a token shown once cannot be fetched again) — so the window only ever holds the id.
 */
export class CaptureStore {
  private readonly held = new Map<string, { value: string }>()

  constructor(lifecycle: LifecycleSubscriptions) {
    lifecycle.on('willLock', () => this.clear())
  }

  put(value: string): CaptureResult {
    const captureId = randomUUID()
    this.held.set(captureId, { value })
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
    const entry = this.held.get(captureId)
    if (!entry) {
      throw new KeyholdError('INVALID_INPUT', { field: 'secret', message: 'The pasted key is no longer held. Paste it again.' })
    }
    return entry.value
  }

  release(captureId: string): boolean {
    return this.held.delete(captureId)
  }

  clear(): void {
    this.held.clear()
  }
}

