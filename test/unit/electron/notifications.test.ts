import { describe, expect, it } from 'vitest'
import type { NotificationConstructorOptions } from 'electron'
import { CoreEvents } from '../../../electron/core/events'
import { notifyExpiring } from '../../../electron/main/notifications'
import type { ExpiryItem, ExpiryReport } from '../../../electron/shared/dto'

function notificationDouble(supported = true) {
  const shown: NotificationConstructorOptions[] = []
  class FakeNotification {
    static isSupported = () => supported
    constructor(private readonly options: NotificationConstructorOptions) {}
    show() {
      shown.push(this.options)
    }
  }
  return { FakeNotification, shown }
}

const item = (id: string, daysLeft: number): ExpiryItem => ({ id, name: `Key ${id}`, provider: 'spreeflo', expiresOn: '2026-12-10', daysLeft })
const report = (expired: ExpiryItem[], expiring: ExpiryItem[]): ExpiryReport => ({ today: '2026-12-01', warnDays: 14, expired, expiring })

describe('expiry notifications on the desktop', () => {
  it('raises one notification per key and window, however often the vault unlocks', () => {
    const events = new CoreEvents()
    const { FakeNotification, shown } = notificationDouble()
    notifyExpiring(events, FakeNotification)
    events.emit('keyhold:keys.expiring', report([item('a', -2)], [item('b', 3), item('c', 0)]))
    events.emit('keyhold:keys.expiring', report([item('a', -2)], [item('b', 3), item('c', 0)]))
    expect(shown.map((n) => n.body)).toEqual([
      'Key a expired 2 days ago (2026-12-10). Open Keyhold to replace it.',
      'Key b expires in 3 days (2026-12-10). Open Keyhold to replace it.',
      'Key c expires today. Open Keyhold to replace it.',
    ])
    // The same key entering the next window is told once more.
    events.emit('keyhold:keys.expiring', report([item('b', -1)], []))
    expect(shown).toHaveLength(4)
    expect(shown[3]).toMatchObject({ title: 'A key has expired', body: 'Key b expired 1 day ago (2026-12-10). Open Keyhold to replace it.' })
  })

  it('stays silent where the system has no notifications, and for other events', () => {
    const events = new CoreEvents()
    const { FakeNotification, shown } = notificationDouble(false)
    notifyExpiring(events, FakeNotification)
    events.emit('keyhold:keys.expiring', report([item('a', -2)], []))
    const other = notificationDouble()
    notifyExpiring(events, other.FakeNotification)
    events.emit('keyhold:keys.changed', { ids: ['a'] })
    expect(shown).toEqual([])
    expect(other.shown).toEqual([])
  })
})
