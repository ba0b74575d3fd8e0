import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useRef, useState } from 'react'
import { get, useController, useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form'
import type { CaptureResult, KeyDetail, NewKeyInput, ProviderDetails } from '../../../electron/shared/dto'
import type { ProviderDescriptor } from '../../../electron/shared/providers'
import { fieldApplies } from '../../../electron/shared/validation/field-schemas'
import { errorOf } from '../api/client'
import { detailsDefaults, keyFormDefaults, keyFormLabels, keyFormSchema, type KeyFormOutput, type KeyFormValues } from '../forms/key-form-schema'
import { labelled, schemaOptions } from '../forms/messages'
import { useProviders } from '../providers-ui'
import { DescriptorField } from './DescriptorField'
import { Field } from './Field'
import { SecretField } from './SecretField'

export interface KeyFormSubmit {
  common: Omit<NewKeyInput, 'details' | 'secret' | 'secretCaptureId'>
  details: ProviderDetails
  /** The secret as typed; undefined when it was pasted, or left empty while editing. */
  secret: string | undefined
  /** Set when the secret was pasted from the clipboard: core holds the value under this id. */
  secretCaptureId: string | undefined
}

interface KeyFormProps {
  /** The key being edited; absent when adding. */
  editing?: KeyDetail
  onSubmit: (values: KeyFormSubmit) => Promise<void>
  onCancel: () => void
  /** Told whether anything was typed or pasted and not saved, so closing can ask first. */
  onUnsavedChange?: (unsaved: boolean) => void
}

const COMMON_FIELDS: ReadonlySet<string> = new Set(['name', 'account', 'notes', 'tags', 'expiresOn', 'secret'])

/** The message at a field's name in react-hook-form's nested errors. */
const messageAt = (errors: FieldErrors<KeyFormValues>, name: string): string | undefined => (get(errors, name) as { message?: string } | undefined)?.message

export function KeyForm(props: KeyFormProps) {
  const providers = useProviders()
  if (providers.length === 0) return <p className="muted">Loading the providers…</p>
  return <KeyFormBody {...props} providers={providers} />
}

function KeyFormBody({ editing, onSubmit, onCancel, onUnsavedChange, providers }: KeyFormProps & { providers: readonly ProviderDescriptor[] }) {
  const [capture, setCapture] = useState<CaptureResult | null>(null)
  const [secretCode, setSecretCode] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const first = providers.find((p) => p.id === editing?.provider) ?? (providers[0] as ProviderDescriptor)
  const byId = useMemo(() => new Map(providers.map((p) => [p.id, p])), [providers])

  // The schema follows the provider chosen and whether the secret was pasted (read at each
  // validation: the form keeps the resolver it was given first).
  const pasted = useRef(false)
  pasted.current = capture !== null
  const resolver = useMemo<Resolver<KeyFormValues, unknown, KeyFormOutput>>(
    () => async (values, context, options) => {
      const descriptor = byId.get(values.details.provider) ?? first
      const schema = keyFormSchema(descriptor, { editing: editing !== undefined, pasted: pasted.current })
      const labels = keyFormLabels(descriptor, descriptor.secret.label)
      return labelled(zodResolver(schema, schemaOptions) as unknown as Resolver<KeyFormValues, unknown, KeyFormOutput>, labels)(values, context, options)
    },
    [byId, first, editing],
  )

  const {
    register,
    control,
    handleSubmit,
    setValue,
    setError,
    clearErrors,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<KeyFormValues, unknown, KeyFormOutput>({
    defaultValues: keyFormDefaults(first, editing),
    resolver,
    // Errors appear on submit, all at once; after that each clears as soon as its field is fixed.
    // (Not on blur: leaving an empty field to press "Paste from clipboard" is no mistake.)
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  })

  const unsaved = isDirty || capture !== null
  useEffect(() => onUnsavedChange?.(unsaved), [unsaved, onUnsavedChange])

  // Registered here, in the order they appear, so "focus the first error" means the first on screen.
  const fields = {
    name: register('name'),
    details: (path: string) => register(`details.${path}` as 'details.provider'),
  }
  const details = useWatch({ control, name: 'details' })
  const applicable = (byId.get(details.provider) ?? first).fields.filter((f) => fieldApplies(f, details))
  const detailFields = applicable.map((f) => [f, fields.details(f.path)] as const)
  const { field: secretField } = useController({ control, name: 'secret' })
  const later = { account: register('account'), tags: register('tags'), expiresOn: register('expiresOn'), notes: register('notes') }
  const descriptor = byId.get(details.provider) ?? first
  const errorFor = (name: string) => messageAt(errors, name)

  function chooseProvider(next: ProviderDescriptor) {
    // Another provider's fields start from its own initial values; nothing carries over.
    setValue('details', detailsDefaults(next))
    clearErrors('details')
  }

  async function save(values: KeyFormOutput, secretChoice: { keepSecretAsIs?: boolean; trimSecret?: boolean } = {}) {
    setFormError(null)
    setSecretCode(null)
    try {
      await onSubmit({
        common: { name: values.name, account: values.account, notes: values.notes, tags: values.tags, expiresOn: values.expiresOn, ...secretChoice },
        details: values.details,
        secret: capture || (editing && values.secret === '') ? undefined : values.secret,
        secretCaptureId: capture?.captureId,
      })
    } catch (err) {
      const e = errorOf(err)
      // Core names the input path, and the form's fields carry the same names (an update nests
      // them under `changes`).
      const field = e.field?.startsWith('changes.') ? e.field.slice('changes.'.length) : e.field
      if (field !== undefined && (COMMON_FIELDS.has(field) || descriptor.fields.some((f) => `details.${f.path}` === field))) {
        setError(field as 'name', { type: 'server', message: e.message }, { shouldFocus: true })
        if (field === 'secret') setSecretCode(e.code)
      } else setFormError(e.message)
    }
  }

  /** A paste replaces whatever was typed; "Type it instead" starts the field empty. */
  function captured(next: CaptureResult | null) {
    setValue('secret', '')
    setCapture(next)
    setSecretCode(null)
    clearErrors('secret')
  }

  const submit = handleSubmit((values) => save(values))
  // "Remove them" / "Keep as is" resend the form as it is now, with the person's answer.
  const answer = (choice: { keepSecretAsIs?: boolean; trimSecret?: boolean }) => handleSubmit((values) => save(values, choice))()

  const secretLabel = editing ? `New ${descriptor.secret.label.toLowerCase()} (leave empty to keep the current one)` : descriptor.secret.label
  return (
    <form className="key-form" onSubmit={(e) => void submit(e)} noValidate>
      {!editing && (
        <fieldset className="provider-choice">
          <legend>Provider</legend>
          {providers.map((p) => (
            <label key={p.id}>
              <input type="radio" name="details.provider" value={p.id} checked={descriptor.id === p.id} onChange={() => chooseProvider(p)} />
              {p.label}
            </label>
          ))}
        </fieldset>
      )}
      <Field label="Name" error={errorFor('name')} hint="A name that says what the key is for, such as “Billing – website sign-up form”.">
        {(p) => <input {...p} {...fields.name} autoFocus />}
      </Field>

      {detailFields.map(([f, registration]) => (
        <DescriptorField key={`${descriptor.id}:${f.path}`} field={f} registration={registration} error={errorFor(`details.${f.path}`)} />
      ))}

      <SecretField
        label={secretLabel}
        value={secretField.value}
        onChange={secretField.onChange}
        onBlur={secretField.onBlur}
        inputRef={secretField.ref}
        capture={capture}
        onCapture={captured}
        error={errorFor('secret')}
      />
      {secretCode === 'SECRET_WHITESPACE' && (
        <div className="choice-row">
          <button type="button" onClick={() => void answer({ trimSecret: true })} disabled={isSubmitting}>
            Remove them
          </button>
          <button type="button" onClick={() => void answer({ keepSecretAsIs: true })} disabled={isSubmitting}>
            {capture ? 'Keep the key exactly as pasted' : 'Keep the key exactly as typed'}
          </button>
        </div>
      )}

      <Field label="Account (optional)" error={errorFor('account')} hint="Whose account or which login the key belongs to.">
        {(p) => <input {...p} {...later.account} />}
      </Field>
      <Field label="Tags (optional, separated by commas)" error={errorFor('tags')}>
        {(p) => <input {...p} {...later.tags} />}
      </Field>
      <Field label="Expires on (optional)" error={errorFor('expiresOn')}>
        {(p) => <input {...p} {...later.expiresOn} type="date" />}
      </Field>
      <Field label="Notes (optional)" error={errorFor('notes')}>
        {(p) => <textarea {...p} {...later.notes} rows={3} />}
      </Field>
      {(formError ?? messageAt(errors, 'details')) && (
        <p className="form-error" role="alert">
          {formError ?? messageAt(errors, 'details')}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : editing ? 'Save changes' : 'Add key'}
        </button>
      </div>
    </form>
  )
}
