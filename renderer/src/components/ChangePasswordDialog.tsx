import { useWatch } from 'react-hook-form'
import { errorOf } from '../api/client'
import { useLabelledForm } from '../forms/use-labelled-form'
import { changePasswordFormSchema } from '../forms/password-forms'
import { selectDialog } from '../store/selectors'
import { useStore } from '../store/store'
import { Field } from './Field'
import { Modal } from './Modal'
import { StrengthMeter } from './StrengthMeter'

type Values = { currentPassword: string; newPassword: string; confirm: string }
const LABELS: Readonly<Record<string, string>> = { currentPassword: 'Current master password', newPassword: 'New master password', confirm: 'The new password typed again' }

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const changePassword = useStore((s) => s.changePassword)
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
    formError,
    setFormError,
  } = useLabelledForm<Values>(changePasswordFormSchema, { currentPassword: '', newPassword: '', confirm: '' }, LABELS)
  const next = useWatch({ control, name: 'newPassword' })

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      await changePassword(values.currentPassword, values.newPassword)
      onDone()
    } catch (err) {
      const e = errorOf(err)
      // Core names its inputs (`currentPassword`, `newPassword`): this form's fields carry the same names.
      if (e.field === 'currentPassword' || e.field === 'newPassword') setError(e.field, { type: 'server', message: e.message }, { shouldFocus: true })
      else setFormError(e.message)
    }
  })

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Current master password" error={errors.currentPassword?.message}>
        {(p) => <input {...p} {...register('currentPassword')} type="password" autoComplete="current-password" autoFocus />}
      </Field>
      <Field label="New master password" error={errors.newPassword?.message} hint={<StrengthMeter password={next} id="new-strength" />}>
        {(p) => <input {...p} {...register('newPassword')} type="password" autoComplete="new-password" />}
      </Field>
      <Field label="Type the new password again" error={errors.confirm?.message}>
        {(p) => <input {...p} {...register('confirm')} type="password" autoComplete="new-password" />}
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
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Changing…' : 'Change password'}
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
