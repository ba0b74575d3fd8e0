import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { CustomDetails } from '../../electron/core/providers/custom'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import type { NewKeyInput } from '../../electron/shared/dto'
import { startSandboxes, type Sandboxes } from '../sandbox'
import { call, testCore } from './core'
import { STRONG_PASSWORD, tempDir } from './fixtures'

/** Points a core's provider settings at the running sandboxes. */
export async function useSandboxes(core: KeyholdCore, sandboxes: Sandboxes): Promise<void> {
  await call(core, 'keyhold:settings.update', {
    providers: {
      threadeo: { baseUrl: `${sandboxes.threadeo.url}/t/{tenant}` },
      threatstop: { baseUrl: sandboxes.threatstop.url },
      spreeflo: { baseUrl: sandboxes.spreeflo.url },
    },
  })
}

let serial = 0
/** A unique secret per key, so every credential a sandbox records can be traced to its key. */
export function secretFor(label: string): string {
  serial += 1
  return `CANARY-check-${label}-${serial}-${Math.random().toString(36).slice(2, 10)}`
}

export const keyInputs = {
  threadeo: (secret: string, tenant = 'acme', apiKey = 'TD-ID-1'): NewKeyInput => ({
    name: `Threadeo ${secret}`,
    details: { provider: 'threadeo', tenant, apiKey },
    secret,
  }),
  threatstop: (secret: string, service: 'devices' | 'policies' = 'devices'): NewKeyInput => ({
    name: `ThreatSTOP ${secret}`,
    details: { provider: 'threatstop', service },
    secret,
  }),
  spreeflo: (secret: string): NewKeyInput => ({ name: `Spreeflo ${secret}`, details: { provider: 'spreeflo', keyName: 'sync' }, secret }),
  custom: (secret: string, baseUrl: string, auth: CustomDetails['auth']): NewKeyInput => ({
    name: `Custom ${secret}`,
    details: { provider: 'custom', baseUrl, auth },
    secret,
  }),
}

/**
 * A fresh vault on a fresh folder, pointed at the sandboxes with their faults cleared: what every
 * check test starts from. A short `checkTimeoutMs` keeps hang cases quick (same code path as 10 s).
 */
export async function startCheckCore(sandboxes: Sandboxes, checkTimeoutMs: number): Promise<{ dir: ReturnType<typeof tempDir>; core: KeyholdCore }> {
  const dir = tempDir()
  const core = testCore(dir.path, { checkTimeoutMs })
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  await useSandboxes(core, sandboxes)
  for (const s of [sandboxes.threadeo, sandboxes.threatstop, sandboxes.spreeflo, sandboxes.custom]) s.setFaults([])
  return { dir, core }
}

/**
 * The hooks every check test file starts from: the sandboxes for the whole file, and for each test
 * a fresh vault pointed at them, closed and removed after it. `use` receives each test's set.
 */
export function useCheckCore(checkTimeoutMs: number, use: (env: { sandboxes: Sandboxes; core: KeyholdCore; dir: ReturnType<typeof tempDir> }) => void): void {
  let sandboxes: Sandboxes | undefined
  let current: { core: KeyholdCore; dir: ReturnType<typeof tempDir> } | undefined
  beforeAll(async () => {
    sandboxes = await startSandboxes()
  })
  afterAll(async () => {
    await sandboxes?.close()
  })
  beforeEach(async () => {
    if (!sandboxes) throw new Error('the sandboxes did not start')
    current = await startCheckCore(sandboxes, checkTimeoutMs)
    use({ sandboxes, ...current })
  })
  afterEach(async () => {
    await current?.core.shutdown()
    current?.dir.remove()
  })
}
