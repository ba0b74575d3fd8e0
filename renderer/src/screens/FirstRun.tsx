import { useState, type FormEvent } from 'react'
import { errorOf } from '../api/client'
import { Field } from '../components/Field'
import { StrengthMeter } from '../components/StrengthMeter'
import { useStore } from '../store/store'

/** First run: choose the master password that will protect every key. */
export function FirstRun() {
  const createVault = useStore((s) => s.createVault)
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<{ field: string | undefined; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (password !== confirm) {
      setError({ field: 'confirm', message: 'The two passwords are not the same.' })
      return
    }
    setBusy(true)
    setError(null)
    try {
      await createVault(password)
    } catch (err) {
      const e = errorOf(err)
      setError({ field: e.field ?? 'password', message: e.message })
      setBusy(false)
    }
  }

  return (
    <main className="gate">
      <form className="gate-card" onSubmit={submit} aria-labelledby="first-run-title" noValidate>
        <h1 id="first-run-title">Create your Keyhold vault</h1>
        <p>
          Keyhold keeps your API keys encrypted on this computer. Choose a master password: it unlocks the vault, and it cannot be
          recovered if you forget it, so write it down somewhere safe.
        </p>
        <Field label="Master password" error={error?.field === 'password' ? error.message : undefined} hint={<StrengthMeter password={password} id="strength" />}>
          {(props) => (
            <input {...props} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
          )}
        </Field>
        <Field label="Type it again" error={error?.field === 'confirm' ? error.message : undefined}>
          {(props) => <input {...props} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
        </Field>
        {error && error.field !== 'password' && error.field !== 'confirm' && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create vault'}
        </button>
      </form>
    </main>
  )
}
