import { Pencil, Trash2 } from 'lucide-react'
import { useEffect, useState, type ReactNode } from 'react'
import type { KeyDetail } from '../../../electron/shared/dto'
import type { ProviderDescriptor } from '../../../electron/shared/providers'
import { fieldApplies } from '../../../electron/shared/validation/field-schemas'
import { NOT_CONCEALED } from '../clipboard-ui'
import { formatDateTime, formatDay } from '../dates'
import { keyAddress, providerLabel, shownValue, useProvider } from '../providers-ui'
import { selectClipboardConcealed, selectDetail, selectSelectedEntry, selectSelectedId, selectSettings } from '../store/selectors'
import { useStore } from '../store/store'
import { ActivityTimeline } from './ActivityTimeline'
import { CheckButton } from './CheckButton'
import { CheckHistory } from './CheckHistory'
import { clipboardFor } from './CopyStatus'
import { CopyableValue, SecretValue } from './KeyValues'
import { CheckStatus } from './OutcomeBadge'
import { RevokeAction, revokedOn } from './RevokeDialog'
import { RotateAction } from './RotateDialog'
import { ShareAction } from './share/ShareDialog'
import { ShareRecords } from './share/ShareRecords'
import { SendShareFileDialog } from './share/SendShareFile'

/** The provider's fields, as its descriptor labels them; copyable ones get their copy button. */
function providerRows(detail: KeyDetail, descriptor: ProviderDescriptor | undefined, settings: ReturnType<typeof selectSettings>): [string, ReactNode][] {
  if (!descriptor) return []
  const address = keyAddress(descriptor, detail.details, settings)
  const rows: [string, ReactNode][] = address ? [[address.label, address.url]] : []
  for (const f of descriptor.fields) {
    if (!fieldApplies(f, detail.details)) continue
    const value = shownValue(f, detail.details)
    if (value === undefined) continue
    const label = f.shownAs ?? f.label
    rows.push([label, f.copyable ? <CopyableValue keyId={detail.id} field={f.path} label={label} value={value} /> : value])
  }
  return rows
}

/** Said once, in the detail, when the clipboard holding this key could not be asked to keep it out of history. */
function ConcealedNote({ keyId }: { keyId: string }) {
  const holding = useStore(clipboardFor(keyId))?.kind === 'holding'
  const concealed = useStore(selectClipboardConcealed)
  return holding && concealed === false ? <p className="clipboard-note">{NOT_CONCEALED}</p> : null
}

/** Opens the encrypted share-file flow for a key (the Share dialog's last option). */
type SendFile = (key: KeyDetail) => void

function Details({ detail, onSendFile }: { detail: KeyDetail; onSendFile?: SendFile | undefined }) {
  const openDialog = useStore((s) => s.openDialog)
  // The list entry is refreshed by every check and keys.changed; the detail was read once.
  const entry = useStore(selectSelectedEntry)
  const lastCheck = entry && !entry.damaged ? entry.lastCheck : detail.lastCheck
  const revokedAt = entry && !entry.damaged ? entry.revokedAt : detail.revokedAt
  const descriptor = useProvider(detail.provider)
  // The Share dialog's last step: an encrypted share file for another Keyhold.
  const [sending, setSending] = useState(false)
  const settings = useStore(selectSettings)
  const loadSettings = useStore((s) => s.loadSettings)
  // The address setting decides what the key's address reads; it is loaded once per unlock.
  useEffect(() => {
    if (settings === null) void loadSettings().catch(() => undefined)
  }, [settings, loadSettings])
  const rows: [string, ReactNode][] = [
    ['Provider', providerLabel(descriptor, detail.provider)],
    ...providerRows(detail, descriptor, settings),
    [descriptor?.secret.label ?? 'Key', detail.hasSecret && revokedAt === null ? <SecretValue detail={detail} /> : 'No key stored'],
    ...(detail.account ? ([['Account', detail.account]] as [string, string][]) : []),
    ...(detail.expiresOn ? ([['Expires on', formatDay(detail.expiresOn)]] as [string, string][]) : []),
    ...(detail.tags.length ? ([['Tags', detail.tags.join(', ')]] as [string, string][]) : []),
    ['Added', formatDateTime(detail.createdAt)],
  ]
  return (
    <>
      <h2 className="detail-title">{detail.name}</h2>
      <div className="detail-status">
        {revokedAt !== null ? <p className="revoked-status">{revokedOn(revokedAt)}</p> : <CheckStatus entry={{ expiresOn: detail.expiresOn, lastCheck }} provider={providerLabel(descriptor, detail.provider)} />}
        {detail.hasSecret && revokedAt === null && <CheckButton id={detail.id} label="Check now" />}
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
      <ShareRecords detail={detail} descriptor={descriptor} revoked={revokedAt !== null} />
      {detail.notes && (
        <>
          <h3>Notes</h3>
          <p className="notes">{detail.notes}</p>
        </>
      )}
      <div className="detail-actions">
        {revokedAt === null && (
          <button type="button" onClick={() => openDialog('edit')}>
            <Pencil className="button-icon" size={16} aria-hidden="true" focusable="false" />
            Edit
          </button>
        )}
        <ShareAction descriptor={descriptor} detail={{ ...detail, revokedAt }} onSendFile={onSendFile ?? (() => setSending(true))} />
        <RotateAction descriptor={descriptor} detail={detail} />
        <RevokeAction descriptor={descriptor} detail={detail} revoked={revokedAt !== null} />
        <button type="button" className="danger" onClick={() => openDialog('delete')}>
          <Trash2 className="button-icon" size={16} aria-hidden="true" focusable="false" />
          Delete
        </button>
      </div>
      <CheckHistory />
      <ActivityTimeline keyId={detail.id} title="Activity" />
      <SendShareFileDialog detail={{ ...detail, revokedAt }} open={sending} onClose={() => setSending(false)} />
    </>
  )
}

export function KeyDetailPanel({ onSendFile }: { onSendFile?: SendFile } = {}) {
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
      {selectedId && detail && <Details key={detail.id} detail={detail} onSendFile={onSendFile} />}
    </section>
  )
}
