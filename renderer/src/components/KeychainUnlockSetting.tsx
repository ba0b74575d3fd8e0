import { useId, useState, type FormEvent } from 'react'
import { errorOf } from '../api/client'
import { useApi, useStore } from '../store/store'
import { Field } from './Field'
import { useKeychainStatus } from './use-keychain'

export const KEYCHAIN_TOGGLE_LABEL = 'Unlock with the system keychain'
export const KEYCHAIN_TRADE_OFF = 'Anyone who can use your logged-in account can then open the vault without the master password.'

/**
 * The keychain option of Settings. It acts at once rather than with "Save settings": turning it
 * on asks for the master password first, turning it off deletes the keychain entry.
 */
export function KeychainUnlockSetting() {
  const { status, set } = useKeychainStatus()
  const announce = useStore((s) => s.announce)
  const [asking, setAsking] = useState(false)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<{ message: string; field: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const hintId = useId()
  const api = useApi()

  const apply = async (enabled: boolean, typed?: string) => {
    setBusy(true)
    setError(null)
    try {
      const next = await api.call('keyhold:vault.setKeychainUnlock', enabled ? { enabled: true, password: typed ?? '' } : { enabled: false })
      set(next)
      setAsking(false)
      setPassword('')
      announce(enabled ? 'Keychain unlock turned on.' : 'Keychain unlock turned off; Keyhold’s key was removed from the system keychain.')
    } catch (err) {
      const e = errorOf(err)
      if (e.field === 'password') setPassword('')
      setError({ message: e.message, field: e.field === 'password' })
    } finally {
      setBusy(false)
    }
  }

  const onToggle = (checked: boolean) => {
    setError(null)
    if (checked) setAsking(true)
    else if (asking) setAsking(false)
    else void apply(false)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (password !== '') void apply(true, password)
  }

  const unavailable = status !== null && !status.available
  return (
    <fieldset className="settings-group">
      <legend>System keychain</legend>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={(status?.enabled ?? false) || asking}
            disabled={status === null || busy || (unavailable && !status.enabled)}
            aria-describedby={hintId}
            onChange={(e) => onToggle(e.target.checked)}
          />{' '}
          {KEYCHAIN_TOGGLE_LABEL}
        </label>
        <p className="hint" id={hintId}>
          {unavailable ? status.reason : KEYCHAIN_TRADE_OFF}
        </p>
      </div>
      {asking && (
        <form onSubmit={submit} noValidate>
          <Field label="Master password, to turn this on" error={error?.field ? error.message : undefined}>
            {(p) => <input {...p} type="password" autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <div className="dialog-actions">
            <button type="submit" disabled={busy || password === ''}>
              {busy ? 'Turning on…' : 'Turn on keychain unlock'}
            </button>
          </div>
        </form>
      )}
      {error && !error.field && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </fieldset>
  )
}
