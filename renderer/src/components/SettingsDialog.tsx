import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useState } from 'react'
import { get, useForm, type FieldErrors, type Resolver } from 'react-hook-form'
import type { Settings } from '../../../electron/shared/dto'
import type { ProviderDescriptor } from '../../../electron/shared/providers'
import { BACKUPS_KEEP } from '../../../electron/shared/backups'
import { CLEAR_AFTER_SECONDS, WARN_DAYS } from '../../../electron/shared/schemas/settings'
import { errorOf } from '../api/client'
import { labelled, schemaOptions } from '../forms/messages'
import { BACKUPS_KEEP_LABEL, CLEAR_AFTER_LABEL, WARN_DAYS_LABEL, settingsFormDefaults, settingsFormSchema, settingsLabels, withSettings, type SettingsFormValues } from '../forms/settings-form-schema'
import { useProviders } from '../providers-ui'
import { selectDialog, selectSettings } from '../store/selectors'
import { useStore } from '../store/store'
import { BackupsPanel } from './BackupsPanel'
import { DescriptorField } from './DescriptorField'
import { Field } from './Field'
import { KeychainUnlockSetting } from './KeychainUnlockSetting'
import { Modal } from './Modal'
import { SharingCodeSetting } from './share/SharingCodeSetting'

type Output = { clipboard: { clearAfterSeconds: number }; reminders: { warnDays: number }; backups: { keep: number }; providers: Record<string, Record<string, string>> }

const messageAt = (errors: FieldErrors<SettingsFormValues>, name: string): string | undefined => (get(errors, name) as { message?: string } | undefined)?.message

export function SettingsForm({ initial, providers, onDone }: { initial: Settings; providers: readonly ProviderDescriptor[]; onDone: () => void }) {
  const saveSettings = useStore((s) => s.saveSettings)
  const [formError, setFormError] = useState<string | null>(null)
  const resolver = useMemo(
    () => labelled(zodResolver(settingsFormSchema(providers), schemaOptions) as unknown as Resolver<SettingsFormValues, unknown, Output>, settingsLabels(providers)),
    [providers],
  )
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SettingsFormValues, unknown, Output>({ defaultValues: settingsFormDefaults(providers, initial), resolver, mode: 'onSubmit', reValidateMode: 'onChange' })
  const errorFor = (name: string) => messageAt(errors, name)
  // Registered here, in screen order, so "focus the first error" means the first on screen.
  const clearAfter = register('clipboard.clearAfterSeconds')
  const warnDays = register('reminders.warnDays')
  const keep = register('backups.keep')

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      await saveSettings({ providers: values.providers, clipboard: values.clipboard, reminders: values.reminders, backups: values.backups })
      onDone()
    } catch (err) {
      const e = errorOf(err)
      // Core names the input path (`providers.<id>.<setting>`): the form's fields carry the same names.
      if (e.field !== undefined && get(settingsFormDefaults(providers, initial), e.field) !== undefined) {
        setError(e.field as 'clipboard.clearAfterSeconds', { type: 'server', message: e.message }, { shouldFocus: true })
      } else setFormError(e.message)
    }
  })

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="settings-group">
        <legend>Clipboard</legend>
        <Field
          label={CLEAR_AFTER_LABEL}
          error={errorFor('clipboard.clearAfterSeconds')}
          hint={`In seconds, from ${CLEAR_AFTER_SECONDS.min} to ${CLEAR_AFTER_SECONDS.max}. Keyhold clears a copied key then, and when the vault locks — only if the clipboard still holds it.`}
        >
          {(p) => (
            <span className="with-unit">
              <input {...p} {...clearAfter} type="number" inputMode="numeric" min={CLEAR_AFTER_SECONDS.min} max={CLEAR_AFTER_SECONDS.max} step={1} />
              <span aria-hidden="true">seconds</span>
            </span>
          )}
        </Field>
      </fieldset>
      <fieldset className="settings-group">
        <legend>Reminders</legend>
        <Field
          label={WARN_DAYS_LABEL}
          error={errorFor('reminders.warnDays')}
          hint={`In days, from ${WARN_DAYS.min} to ${WARN_DAYS.max}. After you unlock, Keyhold lists the keys that have expired and those that expire within this many days.`}
        >
          {(p) => (
            <span className="with-unit">
              <input {...p} {...warnDays} type="number" inputMode="numeric" min={WARN_DAYS.min} max={WARN_DAYS.max} step={1} />
              <span aria-hidden="true">days</span>
            </span>
          )}
        </Field>
      </fieldset>
      <fieldset className="settings-group">
        <legend>Backups</legend>
        <Field
          label={BACKUPS_KEEP_LABEL}
          error={errorFor('backups.keep')}
          hint={`From ${BACKUPS_KEEP.min} to ${BACKUPS_KEEP.max}. Keyhold backs the vault up once a day while you use it and before every upgrade, checks each backup, and keeps this many of the newest.`}
        >
          {(p) => (
            <span className="with-unit">
              <input {...p} {...keep} type="number" inputMode="numeric" min={BACKUPS_KEEP.min} max={BACKUPS_KEEP.max} step={1} />
              <span aria-hidden="true">backups</span>
            </span>
          )}
        </Field>
      </fieldset>
      {withSettings(providers).map((p) => {
        const noteId = `${p.id}-unconfirmed`
        return (
          <fieldset key={p.id} className="settings-group" aria-describedby={p.settings.unconfirmed ? noteId : undefined}>
            <legend>{p.label}</legend>
            {p.settings.unconfirmed && (
              <p className="unconfirmed" id={noteId}>
                <strong>Request shape unconfirmed</strong> — check against your provider’s documentation. {p.settings.unconfirmed}
              </p>
            )}
            {p.settings.fields.map((f) => {
              const name = `providers.${p.id}.${f.name}`
              return <DescriptorField key={name} field={f} registration={register(name as 'clipboard.clearAfterSeconds')} error={errorFor(name)} />
            })}
          </fieldset>
        )
      })}
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
          {isSubmitting ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  )
}

/** How long a copied key stays on the clipboard, and where each provider's API is (real endpoints, or test servers). */
export function SettingsDialog() {
  const open = useStore(selectDialog) === 'settings'
  const settings = useStore(selectSettings)
  const providers = useProviders()
  const closeDialog = useStore((s) => s.closeDialog)
  const loadSettings = useStore((s) => s.loadSettings)
  const [loadError, setLoadError] = useState<string | null>(null)

  useEffect(() => {
    if (!open) return
    setLoadError(null)
    loadSettings().catch((err: unknown) => setLoadError(errorOf(err).message))
  }, [open, loadSettings])

  return (
    <Modal
      open={open}
      onClose={closeDialog}
      title="Settings"
      description="How long a copied key stays on the clipboard, the vault’s backups, and where Keyhold sends each provider’s check. Change the addresses only if your provider gave you another one, or to use a test server."
    >
      {open &&
        (loadError ? (
          <p className="form-error" role="alert">
            {loadError}
          </p>
        ) : settings && providers.length > 0 ? (
          <>
            <KeychainUnlockSetting />
            <SharingCodeSetting />
            <BackupsPanel locked={false} />
            <SettingsForm initial={settings} providers={providers} onDone={closeDialog} />
          </>
        ) : (
          <p className="muted">Loading the settings…</p>
        ))}
    </Modal>
  )
}
