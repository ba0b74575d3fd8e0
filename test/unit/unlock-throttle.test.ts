import { describe, expect, it } from 'vitest'
import { UnlockThrottle } from '../../electron/core/vault/unlock-throttle'

describe('unlock throttle', () => {
  it('lets two typos through, then doubles the pause up to 30 s, and resets on success', () => {
    const t = new UnlockThrottle()
    const delays = Array.from({ length: 9 }, () => t.delayAfterFailureMs())
    expect(delays).toEqual([0, 0, 1000, 2000, 4000, 8000, 16000, 30000, 30000])
    t.reset()
    expect(t.delayAfterFailureMs()).toBe(0)
  })
})
