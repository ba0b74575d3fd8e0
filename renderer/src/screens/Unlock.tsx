import { zodResolver } from '@hookform/resolvers/zod'
import { lazy, Suspense, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { errorOf } from '../api/client'
import { RESTORED_NOTICE } from '../backups-ui'
import { Field } from '../components/Field'
import { useKeychainStatus } from '../components/use-keychain'
import { unlockSchema } from '../forms/password-forms'
import { useStore } from '../store/store'
import { LOCK_ANNOUNCEMENTS } from '../store/vault-slice'

// Only a damaged vault needs it; its dialog library stays out of the first screen's chunk.
const RestoreFromBackupDialog = lazy(() => import('../components/RestoreFromBackupDialog'))

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
  // A damaged vault cannot be unlocked: the way on is one of its backups.
  const [damaged, setDamaged] = useState(false)
  const [restoring, setRestoring] = useState(false)
  const [restored, setRestored] = useState(false)
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
      const e = errorOf(err)
      // A header changed outside Keyhold is as unusable as a damaged file: a backup is the way back to both.
      setDamaged(e.code === 'VAULT_DAMAGED' || e.code === 'VAULT_HEADER_TAMPERED')
      setError('password', { type: 'server', message: e.message }, { shouldFocus: true })
    }
  })

  return (
    <main className="gate">
      <form className="gate-card" onSubmit={(e) => void submit(e)} aria-labelledby="unlock-title" noValidate>
        <h1 id="unlock-title">Unlock Keyhold</h1>
        {why && <p className="lock-reason">{why}</p>}
        {restored && (
          <p className="lock-reason" role="status">
            {RESTORED_NOTICE}
          </p>
        )}
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
        {damaged && (
          <button type="button" onClick={() => setRestoring(true)}>
            Restore from a backup
          </button>
        )}
      </form>
      {restoring && (
        <Suspense fallback={null}>
          <RestoreFromBackupDialog
            open
            onClose={() => setRestoring(false)}
            onRestored={() => {
              setRestoring(false)
              setDamaged(false)
              setRestored(true)
            }}
          />
        </Suspense>
      )}
    </main>
  )
}
