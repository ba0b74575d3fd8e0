import { Send } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import type { KeyDetail } from '../../../../electron/shared/dto'
import type { ShareMade } from '../../../../electron/shared/sharing'
import { errorOf } from '../../api/client'
import { useApi, useStore } from '../../store/store'
import { Field } from '../Field'
import { Modal } from '../Modal'
import { usePastedFingerprint } from './use-fingerprint'

export const SEND_TITLE = 'Send to another Keyhold'
export const PASSPHRASE_APART = 'Say it by phone, not in the same email or chat as the file: whoever has both can open it.'

type Way = 'code' | 'passphrase'
type Step = { at: 'choose' } | { at: 'made'; made: ShareMade } | { at: 'saved'; made: ShareMade }

/**
 * One key, encrypted for one person's Keyhold: to their sharing code (pasted, its fingerprint
 * read aloud to compare), or to a passphrase Keyhold makes and shows this once. Then saved as a
 * file to send. The window never holds the key; only the made file's id and, once, the passphrase.
 */
export function SendShareFile({ detail, onClose }: { detail: KeyDetail; onClose: () => void }) {
  const api = useApi()
  const announce = useStore((s) => s.announce)
  const [way, setWay] = useState<Way>('code')
  const [pasted, setPasted] = useState('')
  const [step, setStep] = useState<Step>({ at: 'choose' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ message: string; field: boolean } | null>(null)
  const fingerprint = usePastedFingerprint(pasted)

  const make = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    setBusy(true)
    try {
      const made = await api.call('keyhold:share.makeFile', { id: detail.id, to: way === 'code' ? { code: pasted } : { passphrase: true } })
      setStep({ at: 'made', made })
    } catch (err) {
      const found = errorOf(err)
      setError({ message: found.message, field: found.field === 'to.code' })
    } finally {
      setBusy(false)
    }
  }

  const save = async (made: ShareMade) => {
    setError(null)
    setBusy(true)
    try {
      const { saved } = await api.call('keyhold:files.save', { fileId: made.file.fileId })
      if (saved) {
        setStep({ at: 'saved', made })
        announce(`The share file “${made.file.name}” is saved. Send it to the person it is for.`)
      } else {
        // A file is handed over once: a cancelled save means making it again.
        setStep({ at: 'choose' })
        setError({ message: 'The share file was not saved. Make it again to save it.', field: false })
      }
    } catch (err) {
      setError({ message: errorOf(err).message, field: false })
    } finally {
      setBusy(false)
    }
  }

  if (step.at !== 'choose') {
    const { made } = step
    return (
      <div className="share-flow">
        {made.passphrase !== undefined && (
          <div className="share-passphrase">
            <p>
              <strong>The passphrase that opens this file.</strong> Keyhold shows it only now and keeps it nowhere.
            </p>
            <p className="revealed-value share-big" aria-label="Passphrase">
              {made.passphrase}
            </p>
            <div className="warning warning-caution" role="note">
              <strong>Give it separately.</strong> <span>{PASSPHRASE_APART}</span>
            </div>
          </div>
        )}
        {made.fingerprint !== undefined && (
          <p>
            Made for the sharing code with fingerprint <strong className="share-fingerprint">{made.fingerprint}</strong>. Only their Keyhold can open it.
          </p>
        )}
        {step.at === 'made' ? (
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void save(made)}>
              {busy ? 'Saving…' : `Save “${made.file.name}”…`}
            </button>
          </div>
        ) : (
          <>
            <p role="status">Saved. Send the file to them by email or chat; it holds only “{detail.name}”, encrypted.</p>
            <div className="dialog-actions">
              <button type="button" className="primary" onClick={onClose}>
                Done
              </button>
            </div>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
      </div>
    )
  }

  return (
    <form className="share-flow" onSubmit={(e) => void make(e)} noValidate>
      <fieldset className="provider-choice">
        <legend>Who can open the file?</legend>
        <label>
          <input type="radio" name="share-way" value="code" checked={way === 'code'} onChange={() => setWay('code')} /> Their Keyhold, by their sharing code
        </label>
        <label>
          <input type="radio" name="share-way" value="passphrase" checked={way === 'passphrase'} onChange={() => setWay('passphrase')} /> Anyone with a passphrase Keyhold makes
        </label>
      </fieldset>
      {way === 'code' ? (
        <Field
          label="Their sharing code"
          error={error?.field ? error.message : undefined}
          hint={
            fingerprint ? (
              <>
                Fingerprint <strong className="share-fingerprint">{fingerprint}</strong> — read it to them; it must match the one in their Keyhold’s Settings.
              </>
            ) : (
              'They find it in their Keyhold’s Settings, under “Your sharing code”. It starts with age1.'
            )
          }
        >
          {(p) => <textarea {...p} rows={2} spellCheck={false} autoComplete="off" value={pasted} onChange={(e) => setPasted(e.target.value)} />}
        </Field>
      ) : (
        <p className="hint">Keyhold makes a passphrase and shows it once, after the file is made. {PASSPHRASE_APART}</p>
      )}
      {error && !error.field && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || (way === 'code' && pasted.trim() === '')}>
          {busy ? 'Making the file…' : 'Make the share file'}
        </button>
      </div>
    </form>
  )
}

/** The detail panel's "Send to another Keyhold…" button and its dialog, for a key in use. */
/** The share-file dialog for one key, opened by the Share dialog's last step (or any button). */
export function SendShareFileDialog({ detail, open, onClose }: { detail: KeyDetail; open: boolean; onClose: () => void }) {
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={`${SEND_TITLE}: “${detail.name}”`}
      description="An encrypted file with this one key, for one person. Their Keyhold shows what it holds before adding it."
    >
      {open && <SendShareFile detail={detail} onClose={onClose} />}
    </Modal>
  )
}

/** A button of its own for the share-file dialog, where no Share dialog leads to it. */
export function SendShareFileAction({ detail }: { detail: KeyDetail }) {
  const [open, setOpen] = useState(false)
  if (detail.revokedAt !== null || !detail.hasSecret) return null
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        <Send className="button-icon" size={16} aria-hidden="true" focusable="false" />
        Send to another Keyhold…
      </button>
      <SendShareFileDialog detail={detail} open={open} onClose={() => setOpen(false)} />
    </>
  )
}
