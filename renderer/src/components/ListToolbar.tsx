import { RefreshCw } from 'lucide-react'
import type { OutcomeFilter } from '../checks-ui'
import { FILTER_LABELS, FILTER_ORDER } from '../checks-ui'
import { viewCount, viewName } from '../list-views-ui'
import { useProviders } from '../providers-ui'
import { checkAllTargets, selectCheckRun, selectMatchedQuery, selectOutcomeFilter, selectQuery, selectView, selectViewCounts, selectVisibleEntries } from '../store/selectors'
import { useKeyholdStore, useStore } from '../store/store'

function countText(visible: number, count: number, query: string, filter: OutcomeFilter, list: string | null): string {
  const keys = `${count} ${count === 1 ? 'key' : 'keys'}${list ? ` in ${list}` : ''}`
  if (!query && filter === 'all') return keys
  const shown = filter === 'all' ? '' : ` (${FILTER_LABELS[filter]})`
  return query ? `${visible} of ${keys} match “${query}”${shown}` : `${visible} of ${keys} shown${shown}`
}

/** The count, the outcome filter and "Check all" (which checks what is shown). */
export function ListToolbar() {
  const view = useStore(selectView)
  const counts = useStore(selectViewCounts)
  const providers = useProviders()
  const count = viewCount(view, counts)
  const visible = useStore(selectVisibleEntries).length
  const query = useStore(selectQuery)
  // The count follows the answered query, so it never shows the old matches under the new query.
  const matchedQuery = useStore(selectMatchedQuery)
  const filter = useStore(selectOutcomeFilter)
  const setFilter = useStore((s) => s.setOutcomeFilter)
  const running = useStore(selectCheckRun) !== null
  const checkAll = useStore((s) => s.checkAll)
  const store = useKeyholdStore()
  const nothingShown = visible === 0

  function start() {
    if (running || nothingShown) return
    void checkAll(checkAllTargets(store.getState()))
  }

  return (
    <div className="list-toolbar">
      <p className="list-count" id="list-count" aria-live="polite">
        {countText(visible, count, matchedQuery, filter, viewName(view, providers))}
      </p>
      <div className="show-filter">
        <label htmlFor="outcome-filter">Show</label>
        <select id="outcome-filter" value={filter} onChange={(e) => setFilter(e.target.value as OutcomeFilter)}>
          {FILTER_ORDER.map((f) => (
            <option key={f} value={f}>
              {FILTER_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      <button type="button" aria-disabled={running || nothingShown || undefined} aria-describedby={query || filter !== 'all' || view.kind !== 'all' ? 'list-count' : undefined} onClick={start}>
        <RefreshCw className="button-icon" size={16} aria-hidden="true" focusable="false" />
        <span className="button-label">Check all</span>
      </button>
    </div>
  )
}
