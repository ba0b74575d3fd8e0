import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import type { MethodChannel } from '../../electron/shared/channels'
import { startSandboxes, type Sandboxes } from '../sandbox'
import { deferred, settled } from '../support/async'
import { keyInputs, secretFor, useSandboxes } from '../support/checks'
import { call, callError, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { MemoryClipboard } from '../support/memory-clipboard'

/*
 * A lock stops every request that carries a secret, over real HTTP to the provider sandboxes: a
 * provider that answers 429 with a long Retry-After must not get the retries after the lock.
 * Retry-After 60 is the cap: without the lock's abort each of these calls would wait 2 × 60 s and
 * send twice more, far past the test's own limit.
 */

let sandboxes: Sandboxes
let dir: ReturnType<typeof tempDir>
let core: KeyholdCore

beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(async () => {
  await sandboxes.close()
})
beforeEach(async () => {
  dir = tempDir()
  core = testCore(dir.path, { clipboard: new MemoryClipboard(), checkTimeoutMs: 30_000 })
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  await useSandboxes(core, sandboxes)
  sandboxes.spreeflo.setFaults([{ fault: { kind: 'status', status: 429, retryAfter: '60' } }])
})
afterEach(async () => {
  sandboxes.spreeflo.setFaults([])
  await core.shutdown()
  dir.remove()
})

async function spreefloKey(label: string): Promise<{ id: string; secret: string }> {
  const secret = secretFor(label)
  sandboxes.spreeflo.addKey({ secret })
  const { id } = await call(core, 'keyhold:keys.add', keyInputs.spreeflo(secret))
  return { id, secret }
}

const sentWith = (secret: string) => sandboxes.spreeflo.received.filter((r) => r.authorization === `Bearer ${secret}`).length

/** Each call that sends a stored or typed secret, started against a key whose provider answers 429. */
const senders: readonly [string, (label: string) => Promise<{ channel: MethodChannel; input: unknown; secret: string }>][] = [
  ['a single check', async (label) => {
    const { id, secret } = await spreefloKey(label)
    return { channel: 'keyhold:keys.check', input: { id }, secret }
  }],
  ['a probe before saving', async (label) => {
    const secret = secretFor(label)
    sandboxes.spreeflo.addKey({ secret })
    return { channel: 'keyhold:keys.probe', input: { details: keyInputs.spreeflo(secret).details, secret }, secret }
  }],
  ['a revocation (or rotation) verify', async (label) => {
    const { id, secret } = await spreefloKey(label)
    return { channel: 'keyhold:keys.verifyRevoked', input: { id }, secret }
  }],
]

describe('a lock during a 429 wait', () => {
  it.each(senders)('%s: nothing more reaches the provider after the lock, and the call says the vault locked', { timeout: 10_000 }, async (_name, start) => {
    const { channel, input, secret } = await start('lock-429')
    const before = sandboxes.spreeflo.requestCount()
    const answering = callError(core, channel, input)
    await sandboxes.spreeflo.waitForRequests(before + 1)
    await call(core, 'keyhold:vault.lock')
    const error = await answering
    expect(error.code).toBe('VAULT_LOCKED')
    expect(error.message).toMatch(/locked/)
    expect(sentWith(secret)).toBe(1)
    // The sandbox's log after the lock answered: a retry still pending would arrive here.
    const afterLock = sandboxes.spreeflo.requestCount()
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    await call(core, 'keyhold:keys.list')
    expect(sandboxes.spreeflo.requestCount()).toBe(afterLock)
    expect(sentWith(secret)).toBe(1)
  })
})

describe('a check asked for while the lock is under way', () => {
  it.each(senders)('%s: refused as locked, nothing sent', async (_name, start) => {
    const { channel, input, secret } = await start('while-locking')
    const slow = deferred()
    core.vault.lifecycle.on('willLock', () => slow.promise)
    const locking = call(core, 'keyhold:vault.lock')
    expect(await settled(locking)).toBe(false)
    // The vault is still open for the lock's participants, but it is going: nothing new is sent.
    expect(core.vault.status().state).toBe('unlocked')
    const error = await callError(core, channel, input)
    slow.resolve()
    await locking
    expect(error.code).toBe('VAULT_LOCKED')
    expect(sentWith(secret)).toBe(0)
  })

  it('check-all: refused as locked, nothing sent', async () => {
    const { id, secret } = await spreefloKey('run-while-locking')
    const slow = deferred()
    core.vault.lifecycle.on('willLock', () => slow.promise)
    const locking = call(core, 'keyhold:vault.lock')
    expect(await settled(locking)).toBe(false)
    const error = await callError(core, 'keyhold:checks.start', { ids: [id] })
    slow.resolve()
    await locking
    expect(error.code).toBe('VAULT_LOCKED')
    expect(sentWith(secret)).toBe(0)
  })

  it('after the next unlock, checks are sent again', async () => {
    const { id, secret } = await spreefloKey('after-unlock')
    sandboxes.spreeflo.setFaults([])
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await call(core, 'keyhold:keys.check', { id })).outcome).toBe('valid')
    expect(sentWith(secret)).toBe(1)
  })
})
