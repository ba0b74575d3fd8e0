import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Sessions, type SessionEnd } from '../../electron/web/sessions'

// The session's clock, on fake timers: the host-level tests show the same rules over real HTTP.
beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function sessions(idleMs = 1000) {
  const ended: { reason: SessionEnd; token: string }[] = []
  return { s: new Sessions(idleMs, (reason, token) => ended.push({ reason, token })), ended }
}

describe('the web host session (electron/web/sessions.ts)', () => {
  it('opens one session per token, once', () => {
    const { s } = sessions()
    expect(s.exchange('wrong')).toBeUndefined()
    const id = s.exchange(s.token)
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(s.exchange(s.token)).toBeUndefined()
    expect(s.use(id)).toBe(true)
    expect(s.use(undefined)).toBe(false)
  })

  it('ends after idleMs unused, and every use restarts that countdown', () => {
    const { s, ended } = sessions(1000)
    const id = s.exchange(s.token)
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(900)
      expect(s.use(id), `use ${i}`).toBe(true)
    }
    vi.advanceTimersByTime(1001)
    expect(s.use(id)).toBe(false)
    expect(ended.map((e) => e.reason)).toEqual(['unused'])
  })

  it('mints a new token when the session ends; the old one stays spent', () => {
    const { s, ended } = sessions()
    const first = s.token
    const id = s.exchange(first)
    s.end('idle-lock')
    expect(s.use(id)).toBe(false)
    expect(s.token).not.toBe(first)
    expect(ended).toEqual([{ reason: 'idle-lock', token: s.token }])
    expect(s.exchange(first)).toBeUndefined()
    expect(s.use(s.exchange(s.token))).toBe(true)
    // Ending with no session open changes nothing.
    const { s: idle, ended: none } = sessions()
    const token = idle.token
    idle.end('idle-lock')
    expect([idle.token, none]).toEqual([token, []])
  })

  it('a new address taken while a session is open replaces it, and the old countdown no longer ends the new one', () => {
    const { s, ended } = sessions(1000)
    const first = s.exchange(s.token)
    vi.advanceTimersByTime(600)
    const second = s.exchange(s.renew())
    expect(s.use(first)).toBe(false)
    // Past the first session's idle time, but the second one is in use all along.
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(500)
      expect(s.use(second), `use ${i}`).toBe(true)
    }
    expect(ended).toEqual([])
    vi.advanceTimersByTime(1001)
    expect(s.use(second)).toBe(false)
    expect(ended.map((e) => e.reason)).toEqual(['unused'])
  })

  it('opens and keeps nothing once the host is closing', () => {
    const { s, ended } = sessions()
    const id = s.exchange(s.token)
    const token = s.token
    s.close()
    expect(s.use(id)).toBe(false)
    expect(s.exchange(token)).toBeUndefined()
    vi.advanceTimersByTime(10_000)
    expect(ended).toEqual([])
  })
})
