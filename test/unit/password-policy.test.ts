import { describe, expect, it, vi } from 'vitest'
import { assessPassword, MIN_PASSWORD_LENGTH } from '../../electron/core/vault/password-policy'
import { OTHER_STRONG_PASSWORD, STRONG_PASSWORD } from '../support/fixtures'

describe('master password policy', () => {
  it.each(['password', 'Password123!', 'qwertyuiopasdf', 'aaaaaaaaaaaaaaaa', 'keyhold2026keyhold'])(
    'refuses %s with a reason',
    async (pw) => {
      const a = await assessPassword(pw)
      expect(a.acceptable).toBe(false)
      expect(a.reason.length).toBeGreaterThan(10)
    },
  )

  it('explains a short password by its length', async () => {
    expect((await assessPassword('Zx9!qT')).reason).toContain(`at least ${MIN_PASSWORD_LENGTH}`)
  })

  it.each([STRONG_PASSWORD, OTHER_STRONG_PASSWORD])('accepts the passphrase of unrelated words %s', async (pw) => {
    const a = await assessPassword(pw)
    expect(a).toMatchObject({ acceptable: true, reason: '' })
    expect(a.score).toBe(4)
  })

  it('stays fast on a huge input: the estimator, whose matching grows quickly with length, sees only a prefix', async () => {
    // Asserted on what the estimator is given, not on a stopwatch: a loaded machine cannot fail it.
    const { ZxcvbnFactory } = await import('@zxcvbn-ts/core')
    const check = vi.spyOn(ZxcvbnFactory.prototype, 'check')
    try {
      const a = await assessPassword('x7'.repeat(5000))
      expect(a.acceptable).toBe(false) // 10,000 characters is over the limit, said as the reason
      expect(check).toHaveBeenCalledTimes(1)
      expect((check.mock.calls[0]?.[0] as string).length).toBe(128)
    } finally {
      check.mockRestore()
    }
  })
})

