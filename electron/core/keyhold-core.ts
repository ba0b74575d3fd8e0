import { mkdirSync } from 'node:fs'
import type { VaultStatus } from '../shared/dto'
import { createHandlers, type Handlers } from './api/handlers'
import { abortableSleep } from './checks/check-client'
import { CheckRunner } from './checks/check-runner'
import type { FetchLike } from './checks/http-attempt'
import { RequestLimiter } from './checks/limiter'
import { CaptureStore } from './clipboard/captures'
import type { ClipboardPort } from './clipboard/clipboard-port'
import { ClipboardService } from './clipboard/clipboard-service'
import { createSystemClipboard } from './clipboard/system-clipboard'
import { CoreEvents } from './events'
import type { ProviderPlugin } from './providers/provider-check'
import { CoreProviders } from './providers/registry'
import { resolveDataDir, vaultPaths, type VaultPaths } from './paths'
import { DEFAULT_IDLE_LOCK_MS, IdleLock } from './vault/idle-lock'
import { Vault, type VaultOptions } from './vault/vault'

export interface CoreOptions extends Partial<Omit<VaultOptions, 'paths' | 'onChange' | 'onKeysDamaged' | 'providers'>> {
  /** Overrides KEYHOLD_DATA_DIR and the platform default. */
  readonly dataDir?: string
  /** How checks reach providers: Electron's net.fetch in the desktop app, Node's fetch elsewhere. */
  readonly fetch?: FetchLike
  /** Per-attempt check timeout; 10 s unless a test needs a shorter one. */
  readonly checkTimeoutMs?: number
  /** The system clipboard: Electron's in the desktop app, this machine's in the web host. */
  readonly clipboard?: ClipboardPort
  /** Reports how late each timed clipboard clear ran (benchmarks). */
  readonly onTimedClear?: (lateByMs: number) => void
  /** Lock after this long without a call from the window; 10 minutes unless a test says otherwise. */
  readonly idleLockMs?: number
  /** The providers this host registers; the built-ins unless a test build adds its own. */
  readonly providers?: readonly ProviderPlugin[]
}

export interface KeyholdCore {
  readonly paths: VaultPaths
  readonly vault: Vault
  readonly events: CoreEvents
  readonly handlers: Handlers
  readonly checks: CheckRunner
  readonly clipboard: ClipboardService
  /** Locks the vault (wiping key material) and clears a copied key; hosts call it on quit. */
  shutdown(): Promise<VaultStatus>
}

/** The composition root shared by both hosts: one vault, its events and the contract's handlers. */
export function createKeyholdCore(options: CoreOptions = {}): KeyholdCore {
  const { dataDir, fetch: fetchImpl, checkTimeoutMs, clipboard: clipboardPort, onTimedClear, idleLockMs, providers: plugins, ...vaultOptions } = options
  const providers = new CoreProviders(plugins)
  const paths = vaultPaths(resolveDataDir(dataDir))
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 })
  const events = new CoreEvents()
  // The vault's lock cancels running checks; the runner needs the vault: one is set after the other.
  const late: { runner?: CheckRunner; vault?: Vault } = {}
  const captures = new CaptureStore()
  const idle = new IdleLock(idleLockMs ?? DEFAULT_IDLE_LOCK_MS, () => void late.vault?.lock('idle'))
  const clipboard = new ClipboardService({
    port: clipboardPort ?? createSystemClipboard(),
    events,
    clearAfterSeconds: () => late.vault?.settings().get().clipboard.clearAfterSeconds ?? 30,
    ...(onTimedClear ? { onTimedClear } : {}),
  })
  const vault = new Vault({
    ...vaultOptions,
    paths,
    providers,
    onChange: (status, reason) => {
      if (status.state === 'unlocked') idle.touch()
      else idle.stop()
      if (status.state !== 'unlocked') {
        late.runner?.cancelAll()
        captures.clear()
        void clipboard.clearIfOurs(reason === 'quit' ? 'quit' : 'lock')
      }
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
    providers,
    events,
    now: vaultOptions.now ?? Date.now,
  })
  late.runner = runner
  late.vault = vault
  return {
    paths,
    vault,
    events,
    checks: runner,
    clipboard,
    handlers: touchingIdleLock(createHandlers({ vault, events, checks: runner, clipboard, captures, providers }), idle),
    shutdown: async () => {
      idle.stop()
      const status = await vault.lock('quit')
      await clipboard.close()
      return status
    },
  }
}

/** Every call from the window is activity: it restarts the idle countdown while unlocked. */
function touchingIdleLock(handlers: Handlers, idle: IdleLock): Handlers {
  const wrapped: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const [channel, handler] of Object.entries(handlers) as [string, (input: unknown) => Promise<unknown>][]) {
    wrapped[channel] = (input) => {
      if (idle.running) idle.touch()
      return handler(input)
    }
  }
  return wrapped as unknown as Handlers
}
