import type { ReactNode } from 'react'
import type { KeyDetail, ProviderDetails } from '../../../electron/shared/dto'
import { NOT_CONCEALED } from '../clipboard-ui'
import { AUTH_KIND_LABELS, PROVIDERS, THREATSTOP_SERVICE_LABELS } from '../providers-ui'
import { selectClipboardConcealed, selectDetail, selectSelectedEntry, selectSelectedId } from '../store/selectors'
import { useStore } from '../store/store'
import { CheckButton } from './CheckButton'
import { CheckHistory } from './CheckHistory'
import { clipboardFor } from './CopyStatus'
import { ApiKeyValue, SecretValue } from './KeyValues'
import { CheckStatus } from './OutcomeBadge'

function providerRows(id: string, d: ProviderDetails): [string, ReactNode][] {
  switch (d.provider) {
    case 'threadeo':
      return [
        ['Threadeo address', `https://${d.tenant}.threadeo.com`],
        ['API key (username)', <ApiKeyValue keyId={id} apiKey={d.apiKey} />],
      ]
    case 'threatstop':
      return [['Service it can read', THREATSTOP_SERVICE_LABELS[d.service]]]
    case 'spreeflo':
      return [['Key name in Spreeflo', d.keyName]]
    case 'custom':
      return [
        ['Base URL', d.baseUrl],
        ['Sent as', AUTH_KIND_LABELS[d.auth.kind]],
        ...(d.auth.kind === 'header' ? ([['Header', d.auth.headerName]] as [string, string][]) : []),
        ...(d.auth.kind === 'basic' ? ([['Username', d.auth.username]] as [string, string][]) : []),
      ]
  }
}

/** Said once, in the detail, when the clipboard holding this key could not be asked to keep it out of history. */
function ConcealedNote({ keyId }: { keyId: string }) {
  const holding = useStore(clipboardFor(keyId))?.kind === 'holding'
  const concealed = useStore(selectClipboardConcealed)
  return holding && concealed === false ? <p className="clipboard-note">{NOT_CONCEALED}</p> : null
}

function Details({ detail }: { detail: KeyDetail }) {
  const openDialog = useStore((s) => s.openDialog)
  // The list entry is refreshed by every check and keys.changed; the detail was read once.
  const entry = useStore(selectSelectedEntry)
  const lastCheck = entry && !entry.damaged ? entry.lastCheck : detail.lastCheck
  const rows: [string, ReactNode][] = [
    ['Provider', PROVIDERS[detail.provider].label],
    ...providerRows(detail.id, detail.details),
    [PROVIDERS[detail.provider].secretLabel, detail.hasSecret ? <SecretValue detail={detail} /> : 'No key stored'],
    ...(detail.account ? ([['Account', detail.account]] as [string, string][]) : []),
    ...(detail.expiresOn ? ([['Expires on', detail.expiresOn]] as [string, string][]) : []),
    ...(detail.tags.length ? ([['Tags', detail.tags.join(', ')]] as [string, string][]) : []),
    ['Added', new Date(detail.createdAt).toLocaleString()],
  ]
  return (
    <>
      <h2 className="detail-title">{detail.name}</h2>
      <div className="detail-status">
        <CheckStatus lastCheck={lastCheck} />
        {detail.hasSecret && <CheckButton id={detail.id} label="Check now" />}
      </div>
      <dl className="detail-list">
        {rows.map(([k, value]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ConcealedNote keyId={detail.id} />
      {detail.notes && (
        <>
          <h3>Notes</h3>
          <p className="notes">{detail.notes}</p>
        </>
      )}
      <div className="detail-actions">
        <button type="button" onClick={() => openDialog('edit')}>
          Edit
        </button>
        <button type="button" className="danger" onClick={() => openDialog('delete')}>
          Delete
        </button>
      </div>
      <CheckHistory />
    </>
  )
}

export function KeyDetailPanel() {
  const selectedId = useStore(selectSelectedId)
  const detail = useStore(selectDetail)
  const entry = useStore(selectSelectedEntry)
  const openDialog = useStore((s) => s.openDialog)
  return (
    <section className="detail" aria-label="Key details">
      {!selectedId && <p className="detail-empty">Choose a key to see its details.</p>}
      {selectedId && entry?.damaged && (
        <>
          <h2 className="detail-title">Damaged entry</h2>
          <p>This entry cannot be read: its encrypted data was changed outside Keyhold. Your other keys are not affected.</p>
          <div className="detail-actions">
            <button type="button" className="danger" onClick={() => openDialog('delete')}>
              Delete
            </button>
          </div>
        </>
      )}
      {/* Keyed by the key: another key starts from fresh state, so nothing revealed carries over. */}
      {selectedId && detail && <Details key={detail.id} detail={detail} />}
    </section>
  )
}
