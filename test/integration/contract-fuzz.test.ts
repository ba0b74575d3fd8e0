import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { METHOD_CHANNELS, type MethodChannel } from '../../electron/shared/channels'
import type { KeyListEntry, RevealResult } from '../../electron/shared/dto'
import { ERROR_CODES } from '../../electron/shared/errors'
import { MemoryClipboard } from '../support/memory-clipboard'
import { call, testCore } from '../support/core'
import { OTHER_STRONG_PASSWORD, sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

/**
 * The battery's contract fuzz (SECURITY.md): every method, CASES hostile inputs each, shaped like
 * what a compromised window could send — anything at all, and records with the method's own field
 * names holding the wrong things. Every answer is the envelope with a known code and no echo of
 * the input, and after each method's barrage the vault holds exactly what it held before.
 */
const CASES = 1_000
const CANARY = 'CANARY-fuzz-5b1e'
let dir: ReturnType<typeof tempDir>
let core: KeyholdCore
let before: string

const wrongString = fc.oneof(fc.string(), fc.constant(CANARY), fc.constant(`${CANARY}\u0000`), fc.string({ unit: 'grapheme', maxLength: 300 }))
const wrongValue = fc.oneof(wrongString, fc.integer(), fc.constant(null), fc.anything({ maxDepth: 2 }))
/** Ids that exist nowhere: a lucky valid one may be looked up, never find a key to change. */
const unknownId = fc.oneof(fc.uuid(), wrongValue)
const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record({ password: wrongValue }, { requiredKeys: [] }),
  fc.record({ currentPassword: wrongValue, newPassword: wrongValue }, { requiredKeys: [] }),
  fc.record({ enabled: fc.oneof(fc.boolean(), wrongValue), password: wrongValue }, { requiredKeys: [] }),
  fc.record({ id: unknownId, field: wrongValue, changes: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }),
  fc.record({ id: unknownId, secret: wrongValue, secretCaptureId: wrongValue }, { requiredKeys: [] }),
  fc.record({ ids: fc.array(unknownId, { maxLength: 5 }), query: wrongValue, keyId: unknownId, kinds: wrongValue, limit: wrongValue, before: wrongValue }, { requiredKeys: [] }),
  fc.record({ name: wrongValue, secret: wrongValue, details: fc.oneof(wrongValue, fc.record({ provider: wrongString, tenant: wrongValue, baseUrl: wrongValue })) }, { requiredKeys: [] }),
  fc.record({ clipboard: fc.record({ clearAfterSeconds: wrongValue }, { requiredKeys: [] }), checks: wrongValue, providers: wrongValue, expiry: wrongValue }, { requiredKeys: [] }),
)

/** What the vault holds, as a person would see it; check results aside (a check may run and record). */
async function contents(): Promise<string> {
  const listed = await call(core, 'keyhold:keys.list')
  const rows = []
  for (const entry of listed as KeyListEntry[]) {
    const shown = 'name' in entry ? ((await call(core, 'keyhold:keys.reveal', { id: entry.id, field: 'secret' })) as RevealResult).value : '(damaged)'
    rows.push({ id: entry.id, name: 'name' in entry ? entry.name : '', updatedAt: 'updatedAt' in entry ? entry.updatedAt : 0, secret: shown })
  }
  const settings = await call(core, 'keyhold:settings.get')
  return JSON.stringify({ rows, settings })
}

beforeAll(async () => {
  dir = tempDir()
  core = testCore(dir.path, { clipboard: new MemoryClipboard() })
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  for (const key of sampleKeys('fz')) await call(core, 'keyhold:keys.add', key)
  await call(core, 'keyhold:keys.add', { ...sampleKeys('fz2')[2], secret: CANARY })
  before = await contents()
})
afterAll(async () => {
  await core.shutdown()
  dir.remove()
})

const knownCodes = new Set<string>(ERROR_CODES)
/** The methods whose barrage passed, for the figure the battery prints. */
const passed = new Set<string>()

describe(`contract fuzz: ${CASES} hostile inputs per method`, () => {
  // Lock is fuzzed on a locked vault (below): locking an unlocked one is its job, not a change.
  it.each(METHOD_CHANNELS.filter((c) => c !== 'keyhold:vault.lock'))('%s', async (channel: MethodChannel) => {
    await fc.assert(
      fc.asyncProperty(junk, async (input) => {
        const result = await core.handlers[channel](input)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) {
          expect(knownCodes.has(result.error.code), result.error.code).toBe(true)
          expect(Object.keys(result.error).every((k) => ['code', 'message', 'field'].includes(k))).toBe(true)
          expect(result.error.message).not.toMatch(/\n\s+at |Error:|SQLITE|zod/i)
        }
        expect(JSON.stringify(result)).not.toContain(CANARY)
        // A password that happened to be right would be a change; none of these can be.
        expect(String(JSON.stringify(input))).not.toContain(OTHER_STRONG_PASSWORD)
      }),
      { numRuns: CASES },
    )
    if (channel === 'keyhold:vault.unlock' || channel === 'keyhold:vault.changePassword') {
      // Still unlocked, still the same password.
      expect((await call(core, 'keyhold:vault.status')).state).toBe('unlocked')
    }
    expect(await contents()).toBe(before)
    passed.add(channel)
  }, 120_000)

  it('keyhold:vault.lock, on a locked vault', async () => {
    await call(core, 'keyhold:vault.lock')
    await fc.assert(
      fc.asyncProperty(junk, async (input) => {
        const result = await core.handlers['keyhold:vault.lock'](input)
        if (!result.ok) expect(knownCodes.has(result.error.code)).toBe(true)
        expect(JSON.stringify(result)).not.toContain(CANARY)
      }),
      { numRuns: CASES },
    )
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await contents()).toBe(before)
    passed.add('keyhold:vault.lock')
    if (passed.size === METHOD_CHANNELS.length) process.stdout.write(`battery contract fuzz: ${METHOD_CHANNELS.length} methods × ${CASES} cases, 0 failures, vault unchanged\n`)
  }, 120_000)
})
