import type { ExpiryReport } from '../../shared/dto'
import type { CoreEvents } from '../events'
import type { LifecycleSubscriptions } from '../vault-lifecycle'
import type { Vault } from '../vault/vault'
import { expiryReport } from './expiry'

/**
 * Expiry reminders: on every unlock, the keys that have expired or fall due within the window
 * are announced once (`keyhold:keys.expiring`) for the window's summary and the desktop's
 * notifications; `report()` answers the same at any time.
 */
export class Reminders {
  constructor(
    private readonly vault: Vault,
    private readonly events: CoreEvents,
    private readonly now: () => number,
    lifecycle: LifecycleSubscriptions,
  ) {
    lifecycle.on('unlocked', () => {
      const report = this.report()
      if (report.expired.length > 0 || report.expiring.length > 0) events.emit('keyhold:keys.expiring', report)
    })
  }

  report(): ExpiryReport {
    return expiryReport(this.vault.keys().list(), this.now(), this.vault.settings().get().reminders.warnDays)
  }
}
