import type { CheckRecord } from '../../../electron/shared/dto'
import { providerLabel, useProvider } from '../providers-ui'
import { selectSelectedHistory } from '../store/selectors'
import { useStore } from '../store/store'
import { CheckedAt, NextStep, OutcomeBadge, providerSentence } from './OutcomeBadge'

function facts(r: CheckRecord): [string, string][] {
  return [
    ['HTTP status', r.httpStatus === null ? 'No answer' : String(r.httpStatus)],
    ...(r.latencyMs === null ? [] : ([['Latency', `${Math.round(r.latencyMs)} ms`]] as [string, string][])),
    ...(r.requestId === null ? [] : ([['Request id', r.requestId]] as [string, string][])),
    ...(r.detail === null ? [] : ([['Detail', r.detail]] as [string, string][])),
  ]
}

function HistoryItem({ record, provider }: { record: CheckRecord; provider: string }) {
  const sentence = providerSentence(record.outcome, record.sentence)
  return (
    <li className="history-item">
      <div className="history-head">
        <OutcomeBadge outcome={record.outcome} /> <NextStep outcome={record.outcome} provider={provider} />{' '}
        <CheckedAt at={record.at} prefix="" />
      </div>
      {sentence && <p className="check-sentence">{sentence}</p>}
      <dl className="history-facts">
        {facts(record).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </li>
  )
}

/** The selected key's checks, newest first, with what the provider answered. */
export function CheckHistory() {
  const history = useStore(selectSelectedHistory)
  const providerId = useStore((s) => s.detail?.provider ?? '')
  const provider = providerLabel(useProvider(providerId), providerId)
  return (
    <>
      <h3 id="check-history-title">Check history</h3>
      {!history || (history.loading && history.records.length === 0) ? (
        <p className="muted">Loading the checks…</p>
      ) : history.error ? (
        <p className="form-error">{history.error}</p>
      ) : history.records.length === 0 ? (
        <p className="muted">This key has not been checked yet.</p>
      ) : (
        <ol className="history" aria-labelledby="check-history-title">
          {history.records.map((r) => (
            <HistoryItem key={r.id} record={r} provider={provider} />
          ))}
        </ol>
      )}
    </>
  )
}
