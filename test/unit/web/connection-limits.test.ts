import { describe, expect, it } from 'vitest'
import { checkingIntervalMs, connectionLimits, DEFAULT_CONNECTION_LIMITS } from '../../../electron/web/connection-limits'

describe('the web host connection limits (electron/web/connection-limits.ts)', () => {
  it('takes the defaults, with a caller overriding any of them', () => {
    expect(connectionLimits()).toEqual(DEFAULT_CONNECTION_LIMITS)
    expect(connectionLimits({ maxConnections: 20 })).toEqual({ ...DEFAULT_CONNECTION_LIMITS, maxConnections: 20 })
  })

  it('refuses a limit that is not a positive whole number, and a head allowed longer than its request', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => connectionLimits({ maxConnections: bad }), String(bad)).toThrow(/maxConnections must be a positive whole number/)
      expect(() => connectionLimits({ keepAliveTimeoutMs: bad }), String(bad)).toThrow(/keepAliveTimeoutMs/)
    }
    expect(() => connectionLimits({ headersTimeoutMs: 2_000, requestTimeoutMs: 1_000 })).toThrow(/cannot be longer/)
  })

  it('checks the timeouts often enough that neither overshoots by more than a quarter, at most once a second', () => {
    expect(checkingIntervalMs(DEFAULT_CONNECTION_LIMITS)).toBe(1_000)
    expect(checkingIntervalMs(connectionLimits({ headersTimeoutMs: 300, requestTimeoutMs: 600 }))).toBe(75)
    expect(checkingIntervalMs(connectionLimits({ headersTimeoutMs: 1, requestTimeoutMs: 1 }))).toBe(10)
  })
})
