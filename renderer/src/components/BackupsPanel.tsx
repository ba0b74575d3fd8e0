import * as AlertDialog from '@radix-ui/react-alert-dialog'
import { useCallback, useEffect, useState } from 'react'
import type { BackupInfo, BackupList, BackupPreview } from '../../../electron/shared/backups'
import { errorOf } from '../api/client'
import { BACKUP_REASON_LABELS, backupSize, checkLabel, RESTORE_CONFIRM_TEXT, RESTORE_CONFIRM_TITLE, RESTORED_NOTICE } from '../backups-ui'
import { formatDateTime, machineTime } from '../dates'
import { useApi, useStore } from '../store/store'
import { Field } from './Field'

interface BackupsPanelProps {
  /**
   * The vault cannot be unlocked (damaged) or is locked: the backup's own master password opens
   * its preview and its restore. Unlocked, the vault key does, and "Back up now" is offered.
   */
  readonly locked: boolean
  readonly onRestored?: () => void
}

/** The vault's backups: when each was made and why, a preview of what it holds, and restore. */
export function BackupsPanel({ locked, onRestored }: BackupsPanelProps) {
  const api = useApi()
  const announce = useStore((s) => s.announce)
  const vaultChanged = useStore((s) => s.vaultChanged)
  const [list, setList] = useState<BackupList | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [password, setPassword] = useState('')
  const [passwordError, setPasswordError] = useState<string | null>(null)
  const [preview, setPreview] = useState<BackupPreview | null>(null)
  const [confirming, setConfirming] = useState<BackupInfo | null>(null)
  const [busy, setBusy] = useState(false)

  const reload = useCallback(async () => {
    try {
      setList(await api.call('keyhold:backups.list'))
    } catch (err) {
      setError(errorOf(err).message)
    }
  }, [api])
  useEffect(() => {
    void reload()
  }, [reload])

  const withPassword = (backupId: string) => (locked ? { backupId, password } : { backupId })
  const fail = (err: unknown) => {
    const e = errorOf(err)
    if (e.field === 'password') setPasswordError(e.message)
    else setError(e.message)
  }
  const act = async (run: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    setPasswordError(null)
    try {
      await run()
    } catch (err) {
      fail(err)
    } finally {
      setBusy(false)
    }
  }

  const backUpNow = () =>
    act(async () => {
      const made = await api.call('keyhold:backups.create')
      announce(`Backed up: ${formatDateTime(made.at)}.`)
      await reload()
    })
  const showPreview = (b: BackupInfo) =>
    act(async () => {
      setPreview(null)
      setPreview(await api.call('keyhold:backups.preview', withPassword(b.backupId)))
    })
  const restore = (b: BackupInfo) =>
    act(async () => {
      setConfirming(null)
      const status = await api.call('keyhold:backups.restore', withPassword(b.backupId))
      setPassword('')
      // The answer and the host's event race each other, as with a lock; the window leaves the vault either way.
      vaultChanged(status, 'user')
      announce(RESTORED_NOTICE)
      onRestored?.()
    })

  const needsPassword = locked && password === ''
  return (
    <section className="settings-group backups" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      {list?.lastFailure && (
        <p className="form-error" role="status">
          The last backup ({BACKUP_REASON_LABELS[list.lastFailure.reason].toLowerCase()}, {formatDateTime(list.lastFailure.at)}) failed its check after it was written, so it was removed. Your older backups are kept.
        </p>
      )}
      {locked && (
        <Field label="Master password of the backup" error={passwordError ?? undefined} hint="The password the vault had when the backup was made. It opens the backup’s preview and its restore.">
          {(p) => <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
      )}
      {!locked && (
        <div className="dialog-actions">
          <button type="button" onClick={() => void backUpNow()} disabled={busy}>
            Back up now
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {list === null ? (
        <p className="muted">Loading the backups…</p>
      ) : list.backups.length === 0 ? (
        <p className="muted">No backups yet. Keyhold makes one a day while the vault is in use, and one before every upgrade.</p>
      ) : (
        <ul className="backup-list" aria-label="Backups">
          {list.backups.map((b) => (
            <li key={b.backupId} aria-label={`Backup of ${formatDateTime(b.at)}`}>
              <span>
                <time dateTime={machineTime(b.at)}>{formatDateTime(b.at)}</time> · {BACKUP_REASON_LABELS[b.reason]} · {backupSize(b.size)} · {checkLabel(b)}
              </span>
              {!b.damagedCopy && (
                <span className="row-actions">
                  <button type="button" onClick={() => void showPreview(b)} disabled={busy || needsPassword}>
                    Preview
                  </button>
                  <button type="button" className="danger" onClick={() => setConfirming(b)} disabled={busy || needsPassword}>
                    Restore…
                  </button>
                </span>
              )}
              {preview?.backupId === b.backupId && <PreviewOf preview={preview} />}
            </li>
          ))}
        </ul>
      )}
      <AlertDialog.Root open={confirming !== null} onOpenChange={(open) => !open && setConfirming(null)}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="overlay" />
          <AlertDialog.Content className="dialog dialog-small">
            <AlertDialog.Title>{RESTORE_CONFIRM_TITLE}</AlertDialog.Title>
            <AlertDialog.Description className="dialog-description">
              {confirming && `The backup of ${formatDateTime(confirming.at)} replaces the vault. `}
              {RESTORE_CONFIRM_TEXT}
            </AlertDialog.Description>
            <div className="dialog-actions">
              <AlertDialog.Cancel asChild>
                <button type="button">Cancel</button>
              </AlertDialog.Cancel>
              <button type="button" className="danger" onClick={() => confirming && void restore(confirming)}>
                Restore the backup
              </button>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </section>
  )
}

function PreviewOf({ preview }: { preview: BackupPreview }) {
  const more = preview.keyCount - preview.keyNames.length
  return (
    <div className="backup-preview" role="region" aria-label="What the backup holds">
      <p>
        {preview.keyCount === 1 ? '1 key' : `${preview.keyCount} keys`}
        {preview.newestChange !== null && (
          <>
            ; the newest change <time dateTime={machineTime(preview.newestChange)}>{formatDateTime(preview.newestChange)}</time>
          </>
        )}
        .
      </p>
      {preview.keyNames.length > 0 && (
        <ul>
          {preview.keyNames.map((name, i) => (
            <li key={`${i}-${name}`}>{name}</li>
          ))}
          {more > 0 && <li>and {more} more</li>}
        </ul>
      )}
    </div>
  )
}
