import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { METHOD_CHANNELS } from '../../electron/shared/channels'
import { ERROR_CODES } from '../../electron/shared/errors'
import { call, testCore } from '../support/core'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

const CANARY = 'CANARY-boundary-7f3a'
let dir: ReturnType<typeof tempDir>
let core: KeyholdCore

beforeAll(async () => {
  dir = tempDir()
  core = testCore(dir.path)
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  await call(core, 'keyhold:keys.add', { ...sampleKeys('b')[3], secret: CANARY })
})
afterAll(async () => {
  await core.shutdown()
  dir.remove()
})

/** Junk a compromised or buggy window could send, seeded with the canary so a leak would show. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record({ password: fc.oneof(fc.string(), fc.constant(CANARY), fc.integer()) }),
  fc.record({ id: fc.oneof(fc.uuid(), fc.string()), changes: fc.anything({ maxDepth: 2 }) }),
  fc.record({
    name: fc.oneof(fc.string(), fc.constant(`${CANARY}\n`)),
    secret: fc.oneof(fc.constant(` ${CANARY}`), fc.constant(''), fc.string()),
    details: fc.anything({ maxDepth: 2 }),
  }),
)

describe('the contract boundary', () => {
  it('answers every channel with the envelope, never throws, and never echoes input in an error', async () => {
    const knownCodes = new Set<string>(ERROR_CODES)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_CHANNELS.filter((c) => c !== 'keyhold:vault.lock')), junk, async (channel, input) => {
        const result = await core.handlers[channel](input)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) {
          expect(knownCodes.has(result.error.code)).toBe(true)
          expect(Object.keys(result.error).every((k) => ['code', 'message', 'field'].includes(k))).toBe(true)
          expect(result.error.message).not.toContain(CANARY)
          expect(result.error.message).not.toMatch(/\n\s+at |Error:|SQLITE|zod/i)
        }
        expect(JSON.stringify(result)).not.toContain(CANARY)
      }),
      { numRuns: 400 },
    )
    // The vault still works after the barrage.
    expect(await call(core, 'keyhold:keys.list')).not.toHaveLength(0)
  })

  it('names a field in an error the form can show', async () => {
    const result = await core.handlers['keyhold:keys.add']({ ...sampleKeys('f')[0], details: { provider: 'threadeo', tenant: 'a.b', apiKey: 'k' } })
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'details.tenant', message: 'Tenant subdomain is not in the expected form.' },
    })
  })

  it('answers a locked vault plainly on every key method', async () => {
    await call(core, 'keyhold:vault.lock')
    try {
      for (const channel of METHOD_CHANNELS.filter((c) => c.startsWith('keyhold:keys.'))) {
        const input = channel === 'keyhold:keys.list' ? undefined : { id: '6f1c7d0e-5a4b-4c3d-8e2f-1a2b3c4d5e6f', query: 'x' }
        const result = await core.handlers[channel](input)
        expect(result.ok ? 'ok' : result.error.code, channel).toMatch(/VAULT_LOCKED|INVALID_INPUT/)
      }
      expect(await core.handlers['keyhold:keys.list'](undefined)).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })
    } finally {
      await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    }
  })
})
