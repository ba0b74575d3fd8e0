import { describe, expect, it } from 'vitest'
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

  it('stays fast on a huge input', async () => {
    await assessPassword('warm up the dictionaries')
    const started = performance.now()
    await assessPassword('x7'.repeat(5000))
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

