import { deferred, settled } from '../support/async'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import type { CheckRunFinished } from '../../electron/shared/dto'
import { startSandboxes, type Sandboxes } from '../sandbox'
import { keyInputs, secretFor, useSandboxes } from '../support/checks'
import { call, callError, testCore, type TestCoreOptions } from '../support/core'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { MemoryClipboard } from '../support/memory-clipboard'

/*
 * What the vault's `willLock` participants do, through a real core on a real vault file: the
 * lock waits for them with the key still in memory, survives their failures, and quit waits too.
 */

let dir: ReturnType<typeof tempDir>
let core: KeyholdCore
let clipboard: MemoryClipboard


async function openCore(options: TestCoreOptions = {}): Promise<void> {
  clipboard = new MemoryClipboard()
  core = testCore(dir.path, { clipboard, ...options })
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
}

beforeEach(() => {
  dir = tempDir()
})
afterEach(async () => {
  await core.shutdown()
  dir.remove()
})

describe('locking waits for its participants', () => {
  it('runs them while the key is still in memory, and wipes only after the slowest is done', async () => {
    await openCore()
    await call(core, 'keyhold:keys.add', sampleKeys('wl')[0])
    const slow = deferred()
    let keysSeen = -1
    core.vault.lifecycle.on('willLock', async () => {
      // A last backup or write would read the open vault here.
      keysSeen = core.vault.keys().list().length
      await slow.promise
    })
    const locking = call(core, 'keyhold:vault.lock')
    expect(await settled(locking)).toBe(false)
    expect(keysSeen).toBe(1)
    expect(core.vault.status().state).toBe('unlocked')
    slow.resolve()
    expect(await locking).toMatchObject({ state: 'locked' })
    expect(() => core.vault.keys()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }))
  })

  it('locks although one participant throws and another never finishes, and the others still act', async () => {
    await openCore({ lifecycle: { participantTimeoutMs: 100, onParticipantFailed: () => undefined } })
    const { id } = await call(core, 'keyhold:keys.add', sampleKeys('fail')[2])
    await call(core, 'keyhold:keys.copy', { id, field: 'secret' })
    expect(clipboard.text).not.toBe('')
    core.vault.lifecycle.on('willLock', () => {
      throw new Error('a participant that fails')
    })
    core.vault.lifecycle.on('willLock', () => new Promise<void>(() => undefined))
    expect(await call(core, 'keyhold:vault.lock')).toMatchObject({ state: 'locked' })
    expect(() => core.vault.keys()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }))
    expect(clipboard.text).toBe('')
  })

  it('quit (shutdown) waits for a slow participant before it resolves', async () => {
    await openCore()
    const slow = deferred()
    const reasons: string[] = []
    core.vault.lifecycle.on('willLock', async (reason) => {
      reasons.push(reason)
      await slow.promise
    })
    const quitting = core.shutdown()
    expect(await settled(quitting)).toBe(false)
    expect(reasons).toEqual(['quit'])
    slow.resolve()
    expect(await quitting).toMatchObject({ state: 'locked' })
  })

  it('an unlock starts the idle countdown again', { timeout: 10_000 }, async () => {
    await openCore({ idleLockMs: 300 })
    await call(core, 'keyhold:vault.lock')
    const idleLocked = new Promise<unknown>((resolve) =>
      core.events.subscribe((event, payload) => {
        if (event === 'keyhold:vault.changed' && (payload as { reason?: string }).reason === 'idle') resolve(payload)
      }),
    )
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await idleLocked).toMatchObject({ status: { state: 'locked' }, reason: 'idle' })
  })
})

describe('a lock forgets what was pasted', () => {
  it('a capture taken before the lock no longer resolves after unlocking again', async () => {
    await openCore()
    const token = 'CANARY-captured-before-lock-41c2'
    clipboard.userCopies(token)
    const capture = await call(core, 'keyhold:clipboard.capture')
    expect(clipboard.text).toBe('')
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    const { secret: _typed, ...input } = sampleKeys('cap')[2] as NonNullable<ReturnType<typeof sampleKeys>[number]>
    const error = await callError(core, 'keyhold:keys.add', { ...input, secretCaptureId: capture.captureId })
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'secret', message: 'The pasted key is no longer held. Paste it again.' })
    expect(await call(core, 'keyhold:keys.list')).toEqual([])
  })
})

describe('a lock stops checks in flight, over real HTTP', () => {
  let sandboxes: Sandboxes
  /** Every check request's abort signal, as core handed it to fetch. */
  let signals: AbortSignal[]

  beforeAll(async () => {
    sandboxes = await startSandboxes()
  })
  afterAll(async () => {
    await sandboxes.close()
  })
  beforeEach(async () => {
    signals = []
    // A long timeout: without the lock's abort, the check would hang far past this test's own limit.
    await openCore({
      checkTimeoutMs: 30_000,
      fetch: (input, init) => {
        if (init?.signal) signals.push(init.signal)
        return fetch(input, init)
      },
    })
    await useSandboxes(core, sandboxes)
    sandboxes.spreeflo.setFaults([{ fault: { kind: 'hang' } }])
  })
  afterEach(() => {
    sandboxes.spreeflo.setFaults([])
  })

  it('a single check: its request is aborted, nothing is sent again, and the call says the vault locked', { timeout: 10_000 }, async () => {
    const s = secretFor('single-lock')
    sandboxes.spreeflo.addKey({ secret: s })
    const { id } = await call(core, 'keyhold:keys.add', keyInputs.spreeflo(s))
    const before = sandboxes.spreeflo.requestCount()
    const checking = callError(core, 'keyhold:keys.check', { id })
    await sandboxes.spreeflo.waitForRequests(before + 1)
    await call(core, 'keyhold:vault.lock')
    expect(await checking).toMatchObject({ code: 'VAULT_LOCKED' })
    expect(signals).toHaveLength(1)
    expect(signals[0]?.aborted).toBe(true)
    expect(sandboxes.spreeflo.requestCount()).toBe(before + 1)
  })

  it('check-all: the run ends cancelled when the vault locks, and nothing more is sent', { timeout: 10_000 }, async () => {
    const ids: string[] = []
    for (let i = 0; i < 8; i++) {
      const s = secretFor('run-lock')
      sandboxes.spreeflo.addKey({ secret: s })
      ids.push((await call(core, 'keyhold:keys.add', keyInputs.spreeflo(s))).id)
    }
    const finished = new Promise<CheckRunFinished>((resolve) =>
      core.events.subscribe((event, payload) => {
        if (event === 'keyhold:checks.finished') resolve(payload as CheckRunFinished)
      }),
    )
    const before = sandboxes.spreeflo.requestCount()
    await call(core, 'keyhold:checks.start', { ids })
    await sandboxes.spreeflo.waitForRequests(before + 4)
    await call(core, 'keyhold:vault.lock')
    // The lock waited for the run: it had ended before the lock answered.
    expect(await settled(finished)).toBe(true)
    expect(await finished).toMatchObject({ cancelled: true, done: 0 })
    expect(signals.every((signal) => signal.aborted)).toBe(true)
    expect(sandboxes.spreeflo.requestCount()).toBe(before + 4)
  })
})
