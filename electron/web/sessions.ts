import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

const TOKEN_BYTES = 32

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}

function fresh(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url')
}

export type SessionEnd = 'idle-lock' | 'unused'

/**
 * The one-time token and the one session it opens. The token works once: after the page has
 * exchanged it, a copy seen in a terminal scrollback is useless. When the session ends (the vault
 * locked itself, or nobody used it for `idleMs`), a new token is minted so the person can open a
 * window again; `onEnd` hands it to whoever prints addresses. Only digests are kept, so
 * comparisons run in constant time and nothing here can be read back.
 */
export class Sessions {
  private currentToken = fresh()
  private tokenDigest: Buffer | undefined = digest(this.currentToken)
  private sessionDigest: Buffer | undefined
  private idleTimer: NodeJS.Timeout | undefined
  private closed = false

  constructor(
    private readonly idleMs: number,
    private readonly onEnd: (reason: SessionEnd, token: string) => void,
  ) {}

  /** The token that opens the next session (a new one after every end). */
  get token(): string {
    return this.currentToken
  }

  /** A new session id for the right token, the first time only; undefined otherwise. It replaces any open session. */
  exchange(candidate: string | undefined): string | undefined {
    if (this.closed || candidate === undefined || this.tokenDigest === undefined) return undefined
    if (!timingSafeEqual(digest(candidate), this.tokenDigest)) return undefined
    this.tokenDigest = undefined
    const sessionId = fresh()
    // A session still open (a new address was asked for in the terminal) is replaced, and its
    // countdown with it: left running, it would end the new session on the old one's schedule.
    clearTimeout(this.idleTimer)
    this.sessionDigest = digest(sessionId)
    this.idleTimer = setTimeout(() => this.end('unused'), this.idleMs)
    // A forgotten window must not keep the host's process alive.
    this.idleTimer.unref()
    return sessionId
  }

  /** Whether `sessionId` is the live session; a valid use restarts its idle countdown. */
  use(sessionId: string | undefined): boolean {
    if (sessionId === undefined || this.sessionDigest === undefined) return false
    if (!timingSafeEqual(digest(sessionId), this.sessionDigest)) return false
    this.idleTimer?.refresh()
    return true
  }

  /** Ends the session, if any, and mints the token for the next one. */
  end(reason: SessionEnd): void {
    if (this.closed || this.sessionDigest === undefined) return
    this.sessionDigest = undefined
    clearTimeout(this.idleTimer)
    this.currentToken = fresh()
    this.tokenDigest = digest(this.currentToken)
    this.onEnd(reason, this.currentToken)
  }

  /**
   * A fresh token on the person's request (Enter in the host's terminal): the previous token stops
   * working, used or not. A live window keeps its session until the new token is exchanged, which
   * ends it.
   */
  renew(): string {
    if (this.closed) return this.currentToken
    this.currentToken = fresh()
    this.tokenDigest = digest(this.currentToken)
    return this.currentToken
  }

  /** The host is stopping: nothing opens or stays open any more. */
  close(): void {
    this.closed = true
    this.sessionDigest = undefined
    this.tokenDigest = undefined
    clearTimeout(this.idleTimer)
  }
}
