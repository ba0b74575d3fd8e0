import { randomUUID } from 'node:crypto'
import { KeyholdError } from '../errors'
import type { LifecycleSubscriptions } from '../vault-lifecycle'
import type { SharePayload } from './share-payload'

/** How many opened shares wait at once; the oldest goes first (a window that opened and walked away). */
const MAX_WAITING = 8

/**
 * Opened share files waiting for the person to add them, by id. Each holds its secret, so each is
 * used once, and all are dropped when the vault locks (the strings cannot be wiped from JavaScript;
 * dropping them is what can be done).
 */
export class SharePreviews {
  private readonly waiting = new Map<string, SharePayload>()
  /** Passphrase files not yet opened, still encrypted: kept through a mistyped passphrase. */
  private readonly locked = new Map<string, { readonly name: string; readonly bytes: Buffer }>()

  constructor(lifecycle: LifecycleSubscriptions) {
    lifecycle.on('willLock', () => {
      this.waiting.clear()
      for (const file of this.locked.values()) file.bytes.fill(0)
      this.locked.clear()
    })
  }

  /** A passphrase file, held for the call that brings its passphrase (and the next, if that one was mistyped). */
  holdLocked(name: string, bytes: Buffer): string {
    while (this.locked.size >= MAX_WAITING) {
      const [oldest] = this.locked.keys()
      if (oldest === undefined) break
      this.dropLocked(oldest)
    }
    const id = randomUUID()
    this.locked.set(id, { name, bytes })
    return id
  }

  lockedFile(id: string): { readonly name: string; readonly bytes: Buffer } | undefined {
    return this.locked.get(id)
  }

  dropLocked(id: string): void {
    this.locked.get(id)?.bytes.fill(0)
    this.locked.delete(id)
  }

  hold(payload: SharePayload): string {
    while (this.waiting.size >= MAX_WAITING) {
      const [oldest] = this.waiting.keys()
      if (oldest === undefined) break
      this.waiting.delete(oldest)
    }
    const id = randomUUID()
    this.waiting.set(id, payload)
    return id
  }

  /** The opened share, for the one accept; FILE_GONE once used or the vault locked since. */
  take(previewId: string): SharePayload {
    const payload = this.waiting.get(previewId)
    if (!payload) throw new KeyholdError('FILE_GONE', { message: 'That share file is no longer open (it is kept until it is added, or the vault locks). Open it again.' })
    this.waiting.delete(previewId)
    return payload
  }

  /** Put back when adding it failed for a reason the person can fix (a name), so nothing is lost. */
  putBack(previewId: string, payload: SharePayload): void {
    this.waiting.set(previewId, payload)
  }
}
