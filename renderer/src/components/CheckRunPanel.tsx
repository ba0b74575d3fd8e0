import { X } from 'lucide-react'
import { FILTER_LABELS, OUTCOME_ORDER, runResultText } from '../checks-ui'
import { selectCheckRun, selectLastRun } from '../store/selectors'
import { useStore } from '../store/store'
import { OutcomeBadge } from './OutcomeBadge'

/** "Check all" while it runs (progress, counts so far, Cancel) and its summary once it ends. */
export function CheckRunPanel() {
  const run = useStore(selectCheckRun)
  const lastRun = useStore(selectLastRun)
  const cancel = useStore((s) => s.cancelCheckAll)
  const dismiss = useStore((s) => s.dismissRunResult)

  if (run) {
    const arrived = OUTCOME_ORDER.filter((o) => run.counts[o] > 0)
    return (
      <div className="check-run" aria-busy="true">
        <div className="check-run-line">
          <label htmlFor="check-run-progress">Checking keys</label>
          <span className="check-run-count">
            {run.done} of {run.total || '…'} checked
          </span>
        </div>
        <progress id="check-run-progress" max={Math.max(run.total, 1)} value={run.done} />
        <div className="check-run-line">
          {arrived.length > 0 ? (
            <ul className="run-counts" aria-label="Results so far">
              {arrived.map((o) => (
                <li key={o}>
                  <OutcomeBadge outcome={o} /> <span className="run-count">{run.counts[o]}</span>
                  <span className="visually-hidden"> {FILTER_LABELS[o]}</span>
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{run.cancelling ? 'Stopping…' : 'Waiting for the first answers…'}</span>
          )}
          <button type="button" aria-disabled={run.cancelling || undefined} onClick={() => void cancel()}>
            {run.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      </div>
    )
  }
  if (!lastRun) return null
  return (
    <div className={lastRun.cancelled ? 'check-run done cancelled' : 'check-run done'}>
      <p className="check-run-summary">{runResultText(lastRun)}</p>
      <button type="button" onClick={dismiss}>
        <X className="button-icon" size={16} aria-hidden="true" focusable="false" />
        Dismiss
      </button>
    </div>
  )
}
