/**
 * How long a connection may take over each phase, and how many may be open at once. Every phase a
 * client controls has a bound, so a local process that opens sockets and never finishes anything
 * cannot hold the host's file descriptors (1,100 idle sockets used to make it reset every new
 * connection, the person's browser included).
 */
export interface ConnectionLimits {
  /**
   * From connecting (or from a kept-alive connection's first new byte) to a complete request head:
   * a socket that sends nothing, or a head a byte at a time, is answered 408 and closed.
   */
  readonly headersTimeoutMs: number
  /** From a request's first byte to its last (the head and the whole body). */
  readonly requestTimeoutMs: number
  /**
   * How long a connection may sit idle after an answer, waiting for the next request. Node 24
   * closes it 1 s later than this (its keepAliveTimeoutBuffer, so a client reusing the connection
   * at the last moment is not cut): 300 ms closed at 1,300 ms, measured.
   */
  readonly keepAliveTimeoutMs: number
  /** Open connections at most; at the cap the longest-idle one is closed for each new one (connection-cap.ts). */
  readonly maxConnections: number
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  // Far more than a browser on the same machine needs for a few hundred bytes of head.
  headersTimeoutMs: 10_000,
  // The largest body the host takes is 64 KiB (api-route.ts): 30 s is generous for loopback.
  requestTimeoutMs: 30_000,
  // Node's own default, stated: a browser whose idle connection was closed simply opens another.
  keepAliveTimeoutMs: 5_000,
  // A browser opens at most 6 connections to an origin (12 with both localhost and 127.0.0.1);
  // 128 leaves room for several windows and stays well under the smallest default descriptor
  // limit the host can meet (macOS's 256), with the vault, its WAL and the logs open besides.
  maxConnections: 128,
}

/**
 * Node checks its headers and request timeouts on an interval (30 s by default, which would let a
 * stalled request live up to 30 s past its bound); a quarter of the shorter bound keeps the
 * overshoot small while the check stays cheap (one pass over at most maxConnections sockets).
 */
export function checkingIntervalMs(limits: ConnectionLimits): number {
  return Math.max(10, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)))
}

/** The defaults with a caller's overrides, each a positive whole number or a loud error. */
export function connectionLimits(overrides: Partial<ConnectionLimits> = {}): ConnectionLimits {
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...overrides }
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`The connection limit ${name} must be a positive whole number.`)
  }
  // Node refuses the pair the other way round: a head is part of its request.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) throw new Error('The headers timeout cannot be longer than the request timeout.')
  return limits
}
