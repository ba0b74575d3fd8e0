import { createKeyholdCore, type CoreOptions, type KeyholdCore } from '../../electron/core/keyhold-core'
import { createSystemClipboard } from '../../electron/platform/clipboard/system-clipboard'
import type { MethodChannel } from '../../electron/shared/channels'
import type { MethodOutput } from '../../electron/shared/contract'
import type { Result } from '../../electron/shared/result'
import { FAST_KDF } from './fixtures'

export type TestCoreOptions = Omit<CoreOptions, 'clipboard'> & Partial<Pick<CoreOptions, 'clipboard'>>

/**
 * A core on a real data folder, with the cheapest KDF the floor allows unless told otherwise, and
 * the web host's adapters (this machine's clipboard) unless a test passes its own.
 */
export function testCore(dataDir: string, options: TestCoreOptions = {}): KeyholdCore {
  return createKeyholdCore({ dataDir, kdfParams: FAST_KDF, sleep: async () => undefined, ...options, clipboard: options.clipboard ?? createSystemClipboard() })
}

/** Calls a handler and returns its value, failing the test with the error code if it answered an error. */
export async function call<C extends MethodChannel>(core: KeyholdCore, channel: C, input?: unknown): Promise<MethodOutput<C>> {
  const result = (await core.handlers[channel](input)) as Result<MethodOutput<C>>
  if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`)
  return result.value
}

export async function callError(core: KeyholdCore, channel: MethodChannel, input?: unknown) {
  const result = await core.handlers[channel](input)
  if (result.ok) throw new Error(`${channel} succeeded where an error was expected`)
  return result.error
}
