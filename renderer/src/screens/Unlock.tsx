import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { errorOf } from '../api/client'
import { Field } from '../components/Field'
import { useKeychainStatus } from '../components/use-keychain'
import { unlockSchema } from '../forms/password-forms'
import { useStore } from '../store/store'
import { LOCK_ANNOUNCEMENTS } from '../store/vault-slice'

export function Unlock() {
  const unlockVault = useStore((s) => s.unlockVault)
  const lockedBecause = useStore((s) => s.lockedBecause)
  // Said only when Keyhold locked on its own; a person who pressed Lock knows why.
  const why = lockedBecause === 'idle' || lockedBecause === 'suspend' || lockedBecause === 'screen-lock' ? LOCK_ANNOUNCEMENTS[lockedBecause] : null
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    control,
    formState: { errors, isSubmitting },
  } = useForm<{ password: string }>({ defaultValues: { password: '' }, resolver: zodResolver(unlockSchema) })
  const password = useWatch({ control, name: 'password' })
  const unlockWithKeychain = useStore((s) => s.unlockWithKeychain)
  const keychain = useKeychainStatus()
  const [keychainError, setKeychainError] = useState<string | null>(null)
  const [keychainBusy, setKeychainBusy] = useState(false)
  const offerKeychain = keychain.status?.available === true && keychain.status.enabled

  const openWithKeychain = async () => {
    setKeychainBusy(true)
    setKeychainError(null)
    try {
      await unlockWithKeychain()
    } catch (err) {
      // A lost or changed entry is forgotten by core: the button goes, the password field stays.
      setKeychainError(errorOf(err).message)
      setKeychainBusy(false)
      await keychain.reload()
    }
  }

  const submit = handleSubmit(async ({ password: typed }) => {
    try {
      await unlockVault(typed)
    } catch (err) {
      // The wrong password is dropped at once; the message stays until the next attempt.
      resetField('password')
      setError('password', { type: 'server', message: errorOf(err).message }, { shouldFocus: true })
    }
  })

  return (
    <main className="gate">
      <form className="gate-card" onSubmit={(e) => void submit(e)} aria-labelledby="unlock-title" noValidate>
        <h1 id="unlock-title">Unlock Keyhold</h1>
        {why && <p className="lock-reason">{why}</p>}
        <p>Your keys are encrypted. Enter your master password to open the vault.</p>
        <Field label="Master password" error={errors.password?.type === 'server' ? errors.password.message : undefined}>
          {(props) => <input {...props} {...register('password')} type="password" autoComplete="current-password" autoFocus />}
        </Field>
        <button type="submit" className="primary" disabled={isSubmitting || password === ''}>
          {isSubmitting ? 'Unlocking…' : 'Unlock'}
        </button>
        {offerKeychain && (
          <button type="button" className="keychain-unlock" onClick={() => void openWithKeychain()} disabled={keychainBusy || isSubmitting}>
            {keychainBusy ? 'Unlocking…' : 'Unlock with system keychain'}
          </button>
        )}
        {keychainError && (
          <p className="form-error" role="alert">
            {keychainError}
          </p>
        )}
      </form>
    </main>
  )
}
