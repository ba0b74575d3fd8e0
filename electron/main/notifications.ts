import type { Notification, NotificationConstructorOptions } from 'electron'
import type { KeyholdCore } from '../core/keyhold-core'
import type { ExpiryItem, ExpiryReport } from '../shared/dto'

type NotificationClass = { new (options: NotificationConstructorOptions): Pick<Notification, 'show'>; isSupported(): boolean }

/** "expires today", "expires in 3 days", "expired 2 days ago": whole days, no time zones to explain. */
export function dueSentence(item: ExpiryItem): string {
  if (item.daysLeft === 0) return `${item.name} expires today.`
  if (item.daysLeft > 0) return `${item.name} expires in ${item.daysLeft} day${item.daysLeft === 1 ? '' : 's'} (${item.expiresOn}).`
  const ago = -item.daysLeft
  return `${item.name} expired ${ago} day${ago === 1 ? '' : 's'} ago (${item.expiresOn}).`
}

/**
 * One OS notification per key and window — once when it enters the warning window, once when it
 * has expired — for as long as the app runs, however often the vault is unlocked. The text holds
 * the key's name and date, never a value.
 */
export function notifyExpiring(events: Pick<KeyholdCore['events'], 'subscribe'>, NotificationImpl: NotificationClass): () => void {
  const shown = new Set<string>()
  return events.subscribe((channel, payload) => {
    if (channel !== 'keyhold:keys.expiring' || !NotificationImpl.isSupported()) return
    const report = payload as ExpiryReport
    for (const [window, items] of [['expired', report.expired], ['expiring', report.expiring]] as const) {
      for (const item of items) {
        const once = `${item.id}|${window}`
        if (shown.has(once)) continue
        shown.add(once)
        new NotificationImpl({
          title: window === 'expired' ? 'A key has expired' : 'A key expires soon',
          body: `${dueSentence(item)} Open Keyhold to replace it.`,
          silent: window === 'expiring',
        }).show()
      }
    }
  })
}
