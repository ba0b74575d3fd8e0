import { FileOutput } from 'lucide-react'
import { useState } from 'react'
import { errorOf } from '../../api/client'
import { useApi } from '../../store/store'
import { Field } from '../Field'
import { DialogButton } from '../DialogButton'
import { StrengthMeter } from '../StrengthMeter'

/**
 * Export: a passphrase (twice, with its strength; core checks it as it checks a master password),
 * then the encrypted file is saved where the person says. The passphrase is not stored anywhere.
 */
function ExportForm({ onDone }: { onDone: () => void }) {
  const api = useApi()
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [confirmError, setConfirmError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)

  async function submit() {
    setFieldError(null)
    setConfirmError(null)
    setFormError(null)
    if (passphrase !== confirm) {
      setConfirmError('The two passphrases are not the same.')
      return
    }
    setBusy(true)
    try {
      const ref = await api.call('keyhold:vault.export', { passphrase })
      const { saved: done } = await api.call('keyhold:files.save', { fileId: ref.fileId })
      if (done) setSaved(ref.name)
    } catch (err) {
      const e = errorOf(err)
      if (e.field === 'passphrase') setFieldError(e.message)
      else setFormError(e.message)
    } finally {
      setBusy(false)
    }
  }

  if (saved) {
    return (
      <>
        <p role="status">
          Saved <strong>{saved}</strong>. Keep the passphrase apart from the file: anyone with both can read every key in it.
        </p>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={onDone}>
            Done
          </button>
        </div>
      </>
    )
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Field label="Passphrase for the file" error={fieldError ?? undefined} hint={<StrengthMeter password={passphrase} id="export-strength" />}>
        {(p) => <input {...p} type="password" autoComplete="new-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />}
      </Field>
      <Field label="Type the passphrase again" error={confirmError ?? undefined}>
        {(p) => <input {...p} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
      </Field>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || passphrase === ''}>
          {busy ? 'Exporting…' : 'Export and save'}
        </button>
      </div>
    </form>
  )
}

/** The toolbar's "Export" button and its dialog. */
export function ExportButton() {
  return (
    <DialogButton
      icon={FileOutput}
      label="Export"
      title="Export the whole vault to an encrypted file"
      dialogTitle="Export the vault"
      description="Every key that is not revoked, in one file encrypted with a passphrase you choose (the age format). Another Keyhold imports it."
    >
      {(close) => <ExportForm onDone={close} />}
    </DialogButton>
  )
}
