import { useCallback, useEffect, useState } from 'react'
import type { ExpiryItem, ExpiryReport } from '../../../electron/shared/dto'
import { formatDay } from '../dates'
import { NEEDS_ATTENTION } from '../list-views'
import { useApi, useStore } from '../store/store'

/** "expired 2 days ago", "expires today", "expires in 3 days": whole days, as the list shows dates. */
export function dueWords(item: ExpiryItem): string {
  if (item.daysLeft === 0) return 'expires today'
  if (item.daysLeft > 0) return `expires in ${item.daysLeft} day${item.daysLeft === 1 ? '' : 's'}`
  const ago = -item.daysLeft
  return `expired ${ago} day${ago === 1 ? '' : 's'} ago`
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/**
 * After unlock: which keys have expired and which expire within the reminder window, from their
 * dates alone (no provider is asked). Each names its key and opens it; the summary can be put
 * away until the vault is next unlocked.
 */
export function ExpirySummary() {
  const api = useApi()
  const select = useStore((s) => s.select)
  const setView = useStore((s) => s.setView)
  const attentionShown = useStore((s) => s.view.kind === 'attention')
  const [report, setReport] = useState<ExpiryReport | null>(null)
  const [dismissed, setDismissed] = useState(false)

  const refresh = useCallback(() => {
    api.call('keyhold:keys.expiry').then(setReport, () => setReport(null))
  }, [api])

  useEffect(() => {
    refresh()
    const offKeys = api.subscribe('keyhold:keys.changed', refresh)
    const offReport = api.subscribe('keyhold:keys.expiring', setReport)
    return () => {
      offKeys()
      offReport()
    }
  }, [api, refresh])

  if (!report || dismissed || (report.expired.length === 0 && report.expiring.length === 0)) return null
  const groups = [
    { id: 'expired', heading: `${count(report.expired.length, 'key has', 'keys have')} expired`, items: report.expired },
    { id: 'expiring', heading: `${count(report.expiring.length, 'key expires', 'keys expire')} within ${report.warnDays} days`, items: report.expiring },
  ].filter((g) => g.items.length > 0)
  return (
    <section className="expiry-summary" aria-labelledby="expiry-summary-heading">
      <h2 id="expiry-summary-heading">Needs attention</h2>
      {groups.map((g) => (
        <div key={g.id} className={`expiry-group expiry-${g.id}`}>
          <h3>{g.heading}</h3>
          <ul>
            {g.items.map((item) => (
              <li key={item.id}>
                <button type="button" className="link-button" onClick={() => void select(item.id)}>
                  {item.name}
                </button>{' '}
                {dueWords(item)} ({formatDay(item.expiresOn)})
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="expiry-actions">
        {!attentionShown && (
          <button type="button" onClick={() => setView(NEEDS_ATTENTION)}>
            Show what needs attention
          </button>
        )}
        <button type="button" onClick={() => setDismissed(true)}>
          Not now
        </button>
      </div>
    </section>
  )
}
