import { mkdirSync } from 'node:fs'
import type { VaultStatus } from '../shared/dto'
import { createHandlers, type Handlers } from './api/handlers'
import { abortableSleep } from './checks/check-client'
import { CheckRunner } from './checks/check-runner'
import type { FetchLike } from './checks/http-attempt'
import { RequestLimiter } from './checks/limiter'
import { CoreEvents } from './events'
import { resolveDataDir, vaultPaths, type VaultPaths } from './paths'
import { Vault, type VaultOptions } from './vault/vault'

export interface CoreOptions extends Partial<Omit<VaultOptions, 'paths' | 'onChange' | 'onKeysDamaged'>> {
  /** Overrides KEYHOLD_DATA_DIR and the platform default. */
  readonly dataDir?: string
  /** How checks reach providers: Electron's net.fetch in the desktop app, Node's fetch elsewhere. */
  readonly fetch?: FetchLike
  /** Per-attempt check timeout; 10 s unless a test needs a shorter one. */
  readonly checkTimeoutMs?: number
}

export interface KeyholdCore {
  readonly paths: VaultPaths
  readonly vault: Vault
  readonly events: CoreEvents
  readonly handlers: Handlers
  readonly checks: CheckRunner
  /** Locks the vault (wiping key material); hosts call it on quit. */
  shutdown(): Promise<VaultStatus>
}

/** The composition root shared by both hosts: one vault, its events and the contract's handlers. */
export function createKeyholdCore(options: CoreOptions = {}): KeyholdCore {
  const { dataDir, fetch: fetchImpl, checkTimeoutMs, ...vaultOptions } = options
  const paths = vaultPaths(resolveDataDir(dataDir))
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 })
  const events = new CoreEvents()
  // The vault's lock cancels running checks; the runner needs the vault: one is set after the other.
  const late: { runner?: CheckRunner } = {}
  const vault = new Vault({
    ...vaultOptions,
    paths,
    onChange: (status, reason) => {
      if (status.state !== 'unlocked') late.runner?.cancelAll()
      events.emit('keyhold:vault.changed', reason === undefined ? { status } : { status, reason })
    },
    onKeysDamaged: (ids) => events.emit('keyhold:keys.changed', { ids }),
  })
  const runner = new CheckRunner({
    client: {
      fetch: fetchImpl ?? ((input, init) => fetch(input, init)),
      limiter: new RequestLimiter(4, 16),
      timeoutMs: checkTimeoutMs ?? 10_000,
      sleep: abortableSleep,
    },
    keys: () => vault.keys(),
    checks: () => vault.checks(),
    settings: () => vault.settings().get().providers,
    events,
    now: vaultOptions.now ?? Date.now,
  })
  late.runner = runner
  return {
    paths,
    vault,
    events,
    checks: runner,
    handlers: createHandlers(vault, events, runner),
    shutdown: () => vault.lock('quit'),
  }
}
