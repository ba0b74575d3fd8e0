import { useState } from 'react'
import { useWatch } from 'react-hook-form'
import { errorOf } from '../api/client'
import { Field } from '../components/Field'
import { StrengthMeter } from '../components/StrengthMeter'
import { useLabelledForm } from '../forms/use-labelled-form'
import { newVaultSchema } from '../forms/password-forms'
import { useStore } from '../store/store'

type Values = { password: string; confirm: string }
const LABELS: Readonly<Record<string, string>> = { password: 'Master password', confirm: 'The password typed again' }
/** The consent to replace what a stopped create left (a test finds the checkbox by it). */
export const START_OVER = 'Start over, and create a new vault in its place'

/**
 * First run: choose the master password that will protect every key. Where an earlier create was
 * stopped (status `unfinished`), it says so and replaces that leftover only once the person ticks
 * Start over; core refuses otherwise, and its sentence is shown here.
 */
export function FirstRun() {
  const createVault = useStore((s) => s.createVault)
  const unfinished = useStore((s) => s.vault?.state === 'unfinished')
  const [startOver, setStartOver] = useState(false)
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
    formError,
    setFormError,
  } = useLabelledForm<Values>(newVaultSchema, { password: '', confirm: '' }, LABELS)
  const password = useWatch({ control, name: 'password' })

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      await createVault(values.password, { replaceUnfinished: unfinished && startOver })
    } catch (err) {
      const e = errorOf(err)
      if (e.code === 'VAULT_UNFINISHED') {
        setFormError(e.message)
        return
      }
      // Core names its input: `password` is this form's field of the same name.
      if (e.field === undefined || e.field === 'password') setError('password', { type: 'server', message: e.message }, { shouldFocus: true })
      else setFormError(e.message)
    }
  })

  return (
    <main className="gate">
      <form className="gate-card" onSubmit={(e) => void submit(e)} aria-labelledby="first-run-title" noValidate>
        <h1 id="first-run-title">Create your Keyhold vault</h1>
        <p>
          Keyhold keeps your API keys encrypted on this computer. Choose a master password: it unlocks the vault, and it cannot be
          recovered if you forget it, so write it down somewhere safe.
        </p>
        {unfinished && (
          <div className="unfinished-notice" role="note">
            <p>
              Creating a vault here was stopped before it finished (Keyhold may have been closed, or the disk was full). No key was saved
              in it, so nothing is lost.
            </p>
            <label className="checkbox">
              <input type="checkbox" checked={startOver} onChange={(e) => setStartOver(e.target.checked)} /> {START_OVER}
            </label>
          </div>
        )}
        <Field label="Master password" error={errors.password?.message} hint={<StrengthMeter password={password} id="strength" />}>
          {(props) => <input {...props} {...register('password')} type="password" autoComplete="new-password" autoFocus />}
        </Field>
        <Field label="Type it again" error={errors.confirm?.message}>
          {(props) => <input {...props} {...register('confirm')} type="password" autoComplete="new-password" />}
        </Field>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Creating…' : 'Create vault'}
        </button>
      </form>
    </main>
  )
}
