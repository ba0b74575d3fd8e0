/**
 * Provider sandboxes: one loopback HTTP server per provider that answers as its documents say,
 * with scriptable keys and faults, and a log of every credential it received (DESIGN.md, "Running it").
 */
import { startCatcher } from './catcher'
import { startSandbox } from './sandbox'
import type { Catcher, ProviderId, Sandbox } from './types'

export type { Catcher, Fault, FaultRule, KeyState, ProviderId, ReceivedCredential, Sandbox, SandboxKey } from './types'
export type { SandboxOptions } from './sandbox'
export { startSandbox } from './sandbox'
export { CATCHER_HOST, startCatcher } from './catcher'
export { SandboxInputError, SandboxRuleError, SandboxUnknownKeyError } from './errors'
export { HUGE_BODY_BYTES } from './faults'
export { COLLECTION_SIZE } from './providers/threatstop-collection'
export { DEFAULT_TENANT } from './providers/threadeo'
export { controlSandbox, type SandboxControl } from './control-client'

/** What the CLI prints before the JSON of URLs, on one line. */
export const SANDBOXES_READY_PREFIX = 'KEYHOLD_SANDBOXES '

export interface Sandboxes extends Readonly<Record<ProviderId, Sandbox>> {
  readonly catcher: Catcher
  /** URL of every server, as the CLI prints it. */
  urls(): Record<ProviderId | 'catcher', string>
  close(): Promise<void>
}

/** All four sandboxes on 127.0.0.1 and the catcher on 127.0.0.2, redirects pointing at the catcher. */
export async function startSandboxes(): Promise<Sandboxes> {
  const catcher = await startCatcher()
  const started: Sandbox[] = []
  try {
    const start = async (provider: ProviderId): Promise<Sandbox> => {
      const sandbox = await startSandbox(provider, { catcherUrl: catcher.url })
      started.push(sandbox)
      return sandbox
    }
    const [threadeo, threatstop, spreeflo, custom] = await Promise.all([
      start('threadeo'),
      start('threatstop'),
      start('spreeflo'),
      start('custom'),
    ])
    return {
      threadeo,
      threatstop,
      spreeflo,
      custom,
      catcher,
      urls: () => ({ threadeo: threadeo.url, threatstop: threatstop.url, spreeflo: spreeflo.url, custom: custom.url, catcher: catcher.url }),
      close: async () => {
        await Promise.all([...started.map((s) => s.close()), catcher.close()])
      },
    }
  } catch (err) {
    await Promise.all([...started.map((s) => s.close()), catcher.close()])
    throw err
  }
}
