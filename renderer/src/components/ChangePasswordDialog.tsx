import { useState, type FormEvent } from 'react'
import { errorOf } from '../api/client'
import { selectDialog } from '../store/selectors'
import { useStore } from '../store/store'
import { Field } from './Field'
import { Modal } from './Modal'
import { StrengthMeter } from './StrengthMeter'

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const changePassword = useStore((s) => s.changePassword)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<{ field: string; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (next !== confirm) {
      setError({ field: 'confirm', message: 'The two new passwords are not the same.' })
      return
    }
    setBusy(true)
    setError(null)
    try {
      await changePassword(current, next)
      onDone()
    } catch (err) {
      const e = errorOf(err)
      setError({ field: e.field ?? 'form', message: e.message })
      setBusy(false)
    }
  }

  const errorFor = (field: string) => (error?.field === field ? error.message : undefined)
  return (
    <form onSubmit={submit} noValidate>
      <Field label="Current master password" error={errorFor('currentPassword')}>
        {(p) => <input {...p} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} autoFocus />}
      </Field>
      <Field label="New master password" error={errorFor('newPassword')} hint={<StrengthMeter password={next} id="new-strength" />}>
        {(p) => <input {...p} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
      </Field>
      <Field label="Type the new password again" error={errorFor('confirm')}>
        {(p) => <input {...p} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
      </Field>
      {error && !['currentPassword', 'newPassword', 'confirm'].includes(error.field) && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  )
}

export function ChangePasswordDialog() {
  const open = useStore(selectDialog) === 'changePassword'
  const closeDialog = useStore((s) => s.closeDialog)
  return (
    <Modal open={open} onClose={closeDialog} title="Change master password" description="Your keys stay as they are; only the password that unlocks them changes.">
      {open && <ChangePasswordForm onDone={closeDialog} />}
    </Modal>
  )
}
