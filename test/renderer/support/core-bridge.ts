import type { KeyholdCore } from '../../../electron/core/keyhold-core'
import { MemoryClipboard } from '../../support/memory-clipboard'
import type { EventChannel } from '../../../electron/shared/channels'
import type { EventPayload, KeyholdBridge } from '../../../electron/shared/contract'
import { tempDir } from '../../support/fixtures'
import { testCore, type TestCoreOptions } from '../../support/core'

/**
 * The window's bridge, in process: every call goes to the real core handlers (real SQLite file,
 * real vault, the cheapest KDF), every event comes from core's own events. No mock in between.
 */
export function coreBridge(core: KeyholdCore): KeyholdBridge & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    invoke: (async (channel: keyof KeyholdCore['handlers'], input?: unknown) => {
      calls.push(channel)
      return core.handlers[channel](input)
    }) as KeyholdBridge['invoke'],
    on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void) {
      return core.events.subscribe((name, payload) => {
        if ((name as EventChannel) === event) listener(payload as EventPayload<E>)
      })
    },
  }
}

export interface TestKeyhold {
  core: KeyholdCore
  clipboard: MemoryClipboard
  bridge: ReturnType<typeof coreBridge>
  close: () => Promise<void>
}

/** A fresh core on its own data folder, with a clipboard held in memory (and what else a test passes, such as a keychain). */
export function startCore(options: Omit<TestCoreOptions, 'clipboard'> = {}): TestKeyhold {
  const dir = tempDir('keyhold-renderer-')
  const clipboard = new MemoryClipboard()
  const core = testCore(dir.path, { ...options, clipboard })
  return {
    core,
    clipboard,
    bridge: coreBridge(core),
    close: async () => {
      await core.shutdown()
      dir.remove()
    },
  }
}
