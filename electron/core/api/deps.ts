import type { CheckRunner } from '../checks/check-runner'
import type { CaptureStore } from '../clipboard/captures'
import type { ClipboardService } from '../clipboard/clipboard-service'
import type { DiagnosticsLogger } from '../diagnostics/logger'
import type { CoreEvents } from '../events'
import type { Reminders } from '../keys/reminders'
import type { CoreProviders } from '../providers/registry'
import type { Vault } from '../vault/vault'

/** What the contract's implementations are built from (the composition root passes them). */
export interface ApiDeps {
  readonly vault: Vault
  readonly events: CoreEvents
  readonly checks: CheckRunner
  readonly clipboard: ClipboardService
  readonly captures: CaptureStore
  readonly providers: CoreProviders
  readonly reminders: Reminders
  /** Every call from the window: the idle lock restarts its countdown. */
  readonly onCall?: () => void
  /** Where failed calls are recorded; none when a test builds handlers without one. */
  readonly logger?: DiagnosticsLogger
}
