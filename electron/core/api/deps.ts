import type { CheckRunner } from '../checks/check-runner'
import type { CaptureStore } from '../clipboard/captures'
import type { ClipboardService } from '../clipboard/clipboard-service'
import type { DiagnosticsLogger } from '../diagnostics/logger'
import type { CoreEvents } from '../events'
import type { FileDialogPort } from '../files/file-dialogs'
import type { FileExchange } from '../files/file-exchange'
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
  /** Files the person chose to open and files made for them to save, by id. */
  readonly files: FileExchange
  /** The desktop host's open and save dialogs; none in the web host (its window uploads and downloads). */
  readonly fileDialogs?: FileDialogPort | undefined
  /** age's scrypt work factor for vault exports (age's default when none). */
  readonly exportWorkFactor?: number | undefined
  /** Every call from the window: the idle lock restarts its countdown. */
  readonly onCall?: () => void
  /** Where failed calls are recorded; none when a test builds handlers without one. */
  readonly logger?: DiagnosticsLogger
}
