import { useState, type FormEvent } from 'react'
import { errorOf } from '../api/client'
import { Field } from '../components/Field'
import { useStore } from '../store/store'

export function Unlock() {
  const unlockVault = useStore((s) => s.unlockVault)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await unlockVault(password)
    } catch (err) {
      setError(errorOf(err).message)
      setBusy(false)
      setPassword('')
    }
  }

  return (
    <main className="gate">
      <form className="gate-card" onSubmit={submit} aria-labelledby="unlock-title" noValidate>
        <h1 id="unlock-title">Unlock Keyhold</h1>
        <p>Your keys are encrypted. Enter your master password to open the vault.</p>
        <Field label="Master password" error={error ?? undefined}>
          {(props) => (
            <input {...props} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy || password === ''}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
    </main>
  )
}
