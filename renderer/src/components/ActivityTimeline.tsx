import { useId, useState } from 'react'
import type { ActivityItem } from '../../../electron/shared/activity'
import type { ProviderDescriptor } from '../../../electron/shared/providers'
import { machineTime } from '../dates'
import { ACTIVITY_FILTERS, activitySentence, activityTime, type ActivityFilter, type KeyNameOf } from '../activity-ui'
import { useProviders } from '../providers-ui'
import { useStore } from '../store/store'
import { useActivity } from './use-activity'

function ActivityEntry({ item, descriptor, showKey, nameOf }: { item: ActivityItem; descriptor: ProviderDescriptor | undefined; showKey: boolean; nameOf: KeyNameOf }) {
  const who = item.damaged ? null : (item.keyName ?? (item.keyId ? 'A deleted key' : null))
  return (
    <li className="history-item">
      <time className="muted" dateTime={machineTime(item.at)}>
        {activityTime(item.at)}
      </time>
      <p className="activity-sentence">
        {showKey && who && <strong>{who}: </strong>}
        {activitySentence(item, descriptor, nameOf)}
      </p>
    </li>
  )
}

/**
 * The activity log as a timeline, newest first: one key's (with `keyId`) or the vault's, which
 * names the key of each entry. Filterable by kind; never shows a value.
 */
export function ActivityTimeline({ keyId, title }: { keyId?: string; title: string }) {
  const [filter, setFilter] = useState<ActivityFilter>('all')
  const { items, loading, error } = useActivity(keyId, filter)
  const providers = useProviders()
  const entries = useStore((s) => s.entries)
  const id = useId()
  const descriptorOf = (item: ActivityItem) => {
    if (item.damaged || item.keyId === null) return undefined
    const entry = entries.find((e) => e.id === item.keyId)
    return entry && !entry.damaged ? providers.find((p) => p.id === entry.provider) : undefined
  }
  const nameOf: KeyNameOf = (other) => {
    const entry = entries.find((e) => e.id === other)
    return entry && !entry.damaged ? entry.name : undefined
  }
  return (
    <section className="activity" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="show-filter">
        <label htmlFor={`${id}-filter`}>Show activity</label>
        <select id={`${id}-filter`} value={filter} onChange={(e) => setFilter(e.target.value as ActivityFilter)}>
          {ACTIVITY_FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p className="form-error">{error}</p>
      ) : loading && items.length === 0 ? (
        <p className="muted">Loading the activity…</p>
      ) : items.length === 0 ? (
        <p className="muted">{filter === 'all' ? 'Nothing recorded yet.' : 'Nothing of this kind recorded yet.'}</p>
      ) : (
        <ol className="history" aria-labelledby={`${id}-title`} aria-busy={loading || undefined}>
          {items.map((item, i) => (
            <ActivityEntry key={`${item.at}-${i}`} item={item} descriptor={descriptorOf(item)} showKey={keyId === undefined} nameOf={nameOf} />
          ))}
        </ol>
      )}
    </section>
  )
}
