import type { VaultStatus } from '../shared/dto'
import { createHandlers, type Handlers } from './api/handlers'
import { DailyBackups } from './backups/daily-backups'
import { abortableSleep } from './checks/check-client'
import { CheckRunner } from './checks/check-runner'
import type { FetchLike } from './checks/http-attempt'
import { RequestLimiter } from './checks/limiter'
import { CaptureStore } from './clipboard/captures'
import type { ClipboardPort } from './clipboard/clipboard-port'
import { ClipboardService } from './clipboard/clipboard-service'
import { createFileLogger, diagnosticsDir } from './diagnostics/file-logger'
import type { FileDialogPort } from './files/file-dialogs'
import { FileExchange } from './files/file-exchange'
import type { DiagnosticsLogger } from './diagnostics/logger'
import { CoreEvents } from './events'
import type { ProviderPlugin } from './providers/provider-check'
import { CoreProviders } from './providers/registry'
import { Reminders } from './keys/reminders'
import { MemoryRelease } from './memory/release-memory'
import { resolveDataDir, vaultPaths, type VaultPaths } from './paths'
import { tightenDataFolder, type PrivacyWarning } from './store/private-data-folder'
import { ensurePrivateDir } from './store/private-files'
import { DEFAULT_IDLE_LOCK_MS, IdleLock } from './vault/idle-lock'
import type { VaultLifecycleOptions } from './vault-lifecycle'
import { Vault, type VaultOptions } from './vault/vault'

export interface CoreOptions extends Partial<Omit<VaultOptions, 'paths' | 'onChange' | 'onKeysDamaged' | 'providers'>> {
  /** Overrides KEYHOLD_DATA_DIR and the platform default. */
  readonly dataDir?: string
  /** How checks reach providers: Electron's net.fetch in the desktop app, Node's fetch elsewhere. */
  readonly fetch?: FetchLike
  /** Per-attempt check timeout; 10 s unless a test needs a shorter one. */
  readonly checkTimeoutMs?: number
  /**
   * The system clipboard, always from the host: Electron's in the desktop app, this machine's
   * (electron/platform) in the web host. Core reaches no OS clipboard of its own.
   */
  readonly clipboard: ClipboardPort
  /** Reports how late each timed clipboard clear ran (benchmarks). */
  readonly onTimedClear?: (lateByMs: number) => void
  /** Lock after this long without a call from the window; 10 minutes unless a test says otherwise. */
  readonly idleLockMs?: number
  /** The providers this host registers; the built-ins unless a test build adds its own. */
  readonly providers?: readonly ProviderPlugin[]
  /** The diagnostics log; JSON lines under the data folder's `logs/` unless a test passes its own. */
  readonly logger?: DiagnosticsLogger
  /**
   * A place of Keyhold's (data folder, vault, backups, logs) that could not be made private to the
   * person's account at start; hosts log or show it. Carries a path and a sentence, never a secret.
   */
  readonly onPrivacyWarning?: (warning: PrivacyWarning) => void
  /** How long after an unlock or a lock the unused memory is given back; 1 s unless a test says otherwise. */
  readonly releaseMemoryAfterMs?: number
  /** The desktop host's open and save dialogs; the web host passes none (its routes reach `files`). */
  readonly fileDialogs?: FileDialogPort
  /** age's scrypt work factor (log2 N) for vault exports; age's own 18 unless a test needs speed. */
  readonly exportWorkFactor?: number
}

export interface KeyholdCore {
  readonly paths: VaultPaths
  readonly vault: Vault
  readonly events: CoreEvents
  readonly handlers: Handlers
  readonly checks: CheckRunner
  readonly clipboard: ClipboardService
  /** Files in and out by id: the web host's upload and download routes put and take them here. */
  readonly files: FileExchange
  /** The diagnostics log core writes to, for a host to record its own failures in the same place. */
  readonly logger: DiagnosticsLogger
  /** The daily backup while the vault is unlocked (tests wait for its round after an unlock). */
  readonly dailyBackups: DailyBackups
  /**
   * Locks the vault for quit: every willLock participant (checks, captures, the clipboard, …)
   * has finished before the key is wiped and this resolves. Hosts call it before they exit.
   */
  shutdown(): Promise<VaultStatus>
}

/** The composition root shared by both hosts: one vault, its events and the contract's handlers. */
export function createKeyholdCore(options: CoreOptions): KeyholdCore {
  const { dataDir, fetch: fetchImpl, checkTimeoutMs, clipboard: clipboardPort, onTimedClear, idleLockMs, providers: plugins, logger: givenLogger, onPrivacyWarning, releaseMemoryAfterMs, fileDialogs, exportWorkFactor, ...vaultOptions } = options
  const providers = new CoreProviders(plugins)
  const paths = vaultPaths(resolveDataDir(dataDir))
  ensurePrivateDir(paths.dataDir)
  const logger = givenLogger ?? createFileLogger({ dir: diagnosticsDir(paths.dataDir) })
  tightenDataFolder(paths, diagnosticsDir(paths.dataDir), (warning) => {
    // The place only: a path can name the person's account, and support needs no more.
    logger.event('privacy.warning', { place: warning.place })
    onPrivacyWarning?.(warning)
  })
  logger.event('core.started', { platform: process.platform, node: process.versions.node, electron: process.versions['electron'] ?? null })
  const events = new CoreEvents()
  // Unlocking 10,000 keys leaves V8 holding what it grew for the work; a lock leaves the freed
  // plaintext's pages. Either way they go back to the system once the moment has passed.
  const memory = new MemoryRelease(releaseMemoryAfterMs ?? 1000, ({ ms, rssMb }) =>
    logger.event('memory.released', { ms: Math.round(ms), rssMb: Math.round(rssMb) }),
  )
  const vault = new Vault({
    ...vaultOptions,
    lifecycle: withFailureLog(vaultOptions.lifecycle, logger),
    paths,
    providers,
    onChange: (status, reason) => {
      if (status.state === 'locked') memory.schedule()
      events.emit('keyhold:vault.changed', reason === undefined ? { status } : { status, reason })
    },
    onKeysDamaged: (ids) => events.emit('keyhold:keys.changed', { ids }),
    // Why a backup was made or failed its check, and when one was restored: no name, no path.
    onBackup: (event, reason) => logger.event(`backup.${event}`, { reason }),
  })
  // Each of these joins the vault's transitions itself (DESIGN.md, "Core lifecycle").
  const { lifecycle } = vault
  // Transitions only, no data: a support log shows when the vault opened and why it closed.
  lifecycle.on('unlocked', () => {
    logger.event('vault.unlocked')
    memory.schedule()
  })
  lifecycle.on('willLock', (reason) => logger.event('vault.locking', { reason }))
  const captures = new CaptureStore(lifecycle)
  const files = new FileExchange(lifecycle)
  const idle = new IdleLock(idleLockMs ?? DEFAULT_IDLE_LOCK_MS, () => void vault.lock('idle'), lifecycle)
  const clipboard = new ClipboardService({
    port: clipboardPort,
    events,
    clearAfterSeconds: () => vault.settings().get().clipboard.clearAfterSeconds,
    lifecycle,
    ...(onTimedClear ? { onTimedClear } : {}),
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
    activity: () => vault.activity(),
    settings: () => vault.settings().get().providers,
    providers,
    events,
    now: vaultOptions.now ?? Date.now,
    lifecycle,
    logger,
  })
  const dailyBackups = new DailyBackups(vault, vaultOptions.now ?? Date.now, lifecycle, () => undefined)
  const reminders = new Reminders(vault, events, vaultOptions.now ?? Date.now, lifecycle)
  return {
    paths,
    vault,
    events,
    checks: runner,
    clipboard,
    files,
    logger,
    dailyBackups,
    // Every call from the window is activity: it restarts the idle countdown while unlocked.
    handlers: createHandlers({ vault, events, checks: runner, clipboard, captures, files, fileDialogs, providers, reminders, logger, exportWorkFactor, onCall: () => idle.running && idle.touch() }),
    shutdown: async () => {
      const status = await vault.lock('quit')
      await clipboard.close()
      // The host is about to exit: the system takes everything back without a collection.
      memory.cancel()
      logger.event('core.stopped')
      return status
    },
  }
}

/** A lifecycle participant that failed or hung is recorded by the event it ran on (its error never reaches the hook). */
function withFailureLog(options: VaultLifecycleOptions | undefined, logger: DiagnosticsLogger): VaultLifecycleOptions {
  return {
    ...options,
    onParticipantFailed: (event) => {
      logger.event('vault.participant-failed', { on: event })
      options?.onParticipantFailed?.(event)
    },
  }
}
