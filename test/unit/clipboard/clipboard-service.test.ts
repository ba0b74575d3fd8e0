import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClipboardUnavailableError, type ClipboardPort } from '../../../electron/core/clipboard/clipboard-port'
import { ClipboardService } from '../../../electron/core/clipboard/clipboard-service'
import { MemoryClipboard } from '../../support/memory-clipboard'
import { CoreEvents } from '../../../electron/core/events'
import { VaultLifecycle } from '../../../electron/core/vault-lifecycle'
import type { ClipboardState } from '../../../electron/shared/dto'

const SECRET = 'CANARY-clipboard-7c1e'
let port: MemoryClipboard
let events: CoreEvents
let states: ClipboardState[]
let seconds: number
let service: ClipboardService

beforeEach(() => {
  vi.useFakeTimers()
  port = new MemoryClipboard()
  events = new CoreEvents()
  states = []
  events.subscribe((event, payload) => {
    if (event === 'keyhold:clipboard.changed') states.push(payload as ClipboardState)
  })
  seconds = 30
  service = new ClipboardService({ port, events, clearAfterSeconds: () => seconds, lifecycle: new VaultLifecycle() })
})
afterEach(() => vi.useRealTimers())

describe('the clipboard policy', () => {
  it('copies with the concealed hint and clears after the timeout', async () => {
    expect(await service.copy(SECRET, 'k1', 'secret')).toEqual({ clearAfterSeconds: 30 })
    expect(port.text).toBe(SECRET)
    expect(port.concealed).toBe(true)
    await vi.advanceTimersByTimeAsync(29_000)
    expect(port.text).toBe(SECRET)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(port.text).toBe('')
    expect(states).toEqual([
      { state: 'holding', keyId: 'k1', field: 'secret', clearAfterSeconds: 30 },
      { state: 'cleared', reason: 'timeout' },
    ])
  })

  it('leaves alone what the person copied since', async () => {
    await service.copy(SECRET, 'k1', 'secret')
    port.userCopies('my own notes')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(port.text).toBe('my own notes')
    expect(states.at(-1)).toEqual({ state: 'cleared', reason: 'replaced' })
    await service.clearIfOurs('lock')
    expect(port.text).toBe('my own notes')
  })

  it('clears on lock and on quit, once', async () => {
    await service.copy(SECRET, 'k1', 'secret')
    await service.clearIfOurs('lock')
    expect(port.text).toBe('')
    expect(states.at(-1)).toEqual({ state: 'cleared', reason: 'lock' })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(states.filter((s) => s.state === 'cleared')).toHaveLength(1)
    await service.copy(SECRET, 'k2', 'apiKey')
    await service.close()
    expect(port.text).toBe('')
    expect(states.at(-1)).toEqual({ state: 'cleared', reason: 'quit' })
  })

  it('takes the timeout from the settings at the time of each copy, and a new copy restarts it', async () => {
    seconds = 10
    await service.copy(SECRET, 'k1', 'secret')
    await vi.advanceTimersByTimeAsync(8_000)
    await service.copy(`${SECRET}-2`, 'k2', 'secret')
    await vi.advanceTimersByTimeAsync(8_000)
    expect(port.text).toBe(`${SECRET}-2`)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(port.text).toBe('')
  })

  it('captures what is on the clipboard and clears it', async () => {
    port.userCopies('tok_from_the_portal')
    expect(await service.capture()).toBe('tok_from_the_portal')
    expect(port.text).toBe('')
    await expect(service.capture()).rejects.toMatchObject({ code: 'CLIPBOARD_EMPTY' })
  })

  it('says plainly when there is no clipboard, with no secret in the message', async () => {
    const broken: ClipboardPort = {
      hints: { concealed: false, description: 'none' },
      writeSecret: async () => {
        throw new ClipboardUnavailableError('There is no display to hold a clipboard.')
      },
      readText: async () => '',
      clear: async () => undefined,
    }
    const s = new ClipboardService({ port: broken, events, clearAfterSeconds: () => 30, lifecycle: new VaultLifecycle() })
    const err = await s.copy(SECRET, 'k1', 'secret').catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'CLIPBOARD_UNAVAILABLE' })
    expect(String((err as Error).message)).not.toContain(SECRET)
    expect((err as Error).message).toContain('no display')
  })
})
