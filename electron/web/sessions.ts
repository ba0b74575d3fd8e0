import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

const TOKEN_BYTES = 32

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}

/**
 * The per-launch token and the sessions it opens. The token works once: after the page has
 * exchanged it for a cookie, a copy seen in a terminal scrollback or a process list is useless.
 * Only digests are kept, so comparisons run in constant time and the lookups reveal nothing.
 */
export class Sessions {
  readonly token = randomBytes(TOKEN_BYTES).toString('base64url')
  private tokenDigest: Buffer | undefined = digest(this.token)
  private readonly sessionDigests = new Set<string>()

  /** A new session id for the right token, the first time only; undefined otherwise. */
  exchange(candidate: string | undefined): string | undefined {
    if (candidate === undefined || this.tokenDigest === undefined) return undefined
    if (!timingSafeEqual(digest(candidate), this.tokenDigest)) return undefined
    this.tokenDigest = undefined
    const sessionId = randomBytes(TOKEN_BYTES).toString('base64url')
    this.sessionDigests.add(digest(sessionId).toString('hex'))
    return sessionId
  }

  isValid(sessionId: string | undefined): boolean {
    return sessionId !== undefined && this.sessionDigests.has(digest(sessionId).toString('hex'))
  }
}
