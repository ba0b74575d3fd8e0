import { useEffect, useState } from 'react'
import type { ProbeResult } from '../../../electron/shared/dto'
import type { GuideStep, ProviderDescriptor } from '../../../electron/shared/providers/descriptor'
import { nameSchema, tagsSchema } from '../../../electron/shared/schemas/keys'
import { sentence } from '../forms/messages'
import { useStore } from '../store/store'
import type { AddKeyPrefill } from '../store/ui-slice'
import { Field } from './Field'
import { WizardCapture, type CaptureShape } from './guide/CaptureStep'
import { GuideFields } from './guide/GuideFields'
import { GuideStepBody, WarningNote } from './guide/GuideStepBody'
import { detailsOf, EXPIRES_ON, firstProblem, initialFieldValues, unaskedFields, type FieldValues } from './guide/guide-values'
import { atSecretLimit, LimitsNotice, useLimits } from './guide/LimitsNotice'
import { probeBlocked, ProbeStep, secretChoiceInput, type SecretChoice } from './guide/ProbeStep'
import { Wizard, type WizardContext, type WizardStep } from './Wizard'
import { forgetWizardState } from './wizard-state'

export type GenerateValues = {
  provider: string
  fields: FieldValues
  name: string
  tags: string
  notes: string
  capture: CaptureShape | null
  probe: ProbeResult | null
  secretChoice: SecretChoice
  /** The provider's limit is reached for these details (as many active secrets held as it allows). */
  atLimit: boolean
}

type Ctx = WizardContext<GenerateValues>

export const GENERATE_FLOW = 'add-key'
/** A dedicated key started from the Share dialog keeps its own state, so it never resumes (or overwrites) a plain add. */
export const DEDICATED_FLOW = 'add-key-dedicated'

const splitTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)

const initialValues = (first: ProviderDescriptor): GenerateValues => ({
  provider: first.id,
  fields: initialFieldValues(first),
  name: '',
  tags: '',
  notes: '',
  capture: null,
  probe: null,
  secretChoice: null,
  atLimit: false,
})

/** The fields whose values a provider's limits are counted over (an account's active secrets; one key per integration). */
const limitFields = (d: ProviderDescriptor) => [...(d.constraints.maxActiveSecrets?.per ?? []), ...(d.constraints.onePerValue ? [d.constraints.onePerValue.field] : [])]

function FieldsStep({ step, descriptor, ctx, onRotate }: { step: GuideStep; descriptor: ProviderDescriptor; ctx: Ctx; onRotate: (id: string) => void }) {
  const details = detailsOf(descriptor, ctx.values.fields)
  const paths = step.fields ?? []
  const asksLimits = paths.some((p) => limitFields(descriptor).includes(p))
  return (
    <>
      <GuideStepBody step={step} descriptor={descriptor} details={details} />
      <GuideFields
        descriptor={descriptor}
        paths={paths}
        values={ctx.values.fields}
        // Details that change make the earlier check stale: it is run again at the check step.
        onChange={(path, value) => ctx.setValues({ fields: { ...ctx.values.fields, [path]: value }, probe: null })}
      />
      {asksLimits && <Limits descriptor={descriptor} values={ctx.values.fields} onRotate={onRotate} onLimit={(atLimit) => {
            if (atLimit !== ctx.values.atLimit) ctx.setValues({ atLimit })
          }} />}
    </>
  )
}

function Limits({ descriptor, values, onRotate, onLimit }: { descriptor: ProviderDescriptor; values: FieldValues; onRotate: (id: string) => void; onLimit: (atLimit: boolean) => void }) {
  const limits = useLimits(detailsOf(descriptor, values))
  const reached = atSecretLimit(limits)
  useEffect(() => {
    onLimit(reached)
  })
  return <LimitsNotice limits={limits} onRotate={onRotate} />
}

function NameStep({ step, descriptor, ctx }: { step: GuideStep; descriptor: ProviderDescriptor; ctx: Ctx }) {
  const { values, setValues } = ctx
  const nameError = values.name !== '' && !nameSchema.safeParse(values.name).success ? sentence('Name', 'invalid_format', 'is not in the expected form') : undefined
  return (
    <>
      <GuideStepBody step={step} descriptor={descriptor} details={detailsOf(descriptor, values.fields)} />
      <Field label="Name" error={nameError} hint="A name that says what the key is for.">
        {(p) => <input {...p} value={values.name} onChange={(e) => setValues({ name: e.target.value })} autoFocus />}
      </Field>
      <GuideFields descriptor={descriptor} paths={unaskedFields(descriptor)} values={values.fields} onChange={(path, value) => setValues({ fields: { ...values.fields, [path]: value } })} />
      <Field label="Tags (optional, separated by commas)">{(p) => <input {...p} value={values.tags} onChange={(e) => setValues({ tags: e.target.value })} />}</Field>
      <Field label="Notes (optional)">{(p) => <textarea {...p} rows={2} value={values.notes} onChange={(e) => setValues({ notes: e.target.value })} />}</Field>
    </>
  )
}

function ProviderStep({ providers, ctx, onForm }: { providers: readonly ProviderDescriptor[]; ctx: Ctx; onForm: () => void }) {
  const chosen = providers.find((p) => p.id === ctx.values.provider)
  return (
    <>
      <fieldset className="provider-choice provider-cards">
        <legend>Which service is the key for?</legend>
        {providers.map((p) => (
          <label key={p.id}>
            <input
              type="radio"
              name="wizard-provider"
              value={p.id}
              checked={ctx.values.provider === p.id}
              onChange={() => ctx.setValues({ provider: p.id, fields: initialFieldValues(p), probe: null, atLimit: false })}
            />
            <span>
              <strong>{p.label}</strong> <span className="muted">{p.summary}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {chosen?.constraints.requiresPlan && (
        <WarningNote warning={{ level: 'caution', title: `${chosen.label} needs the ${chosen.constraints.requiresPlan.plan} plan`, text: chosen.constraints.requiresPlan.text }} />
      )}
      {chosen?.constraints.support && <p className="hint">{chosen.constraints.support}</p>}
      <p>
        <button type="button" className="link-button" onClick={onForm}>
          I already have the key: fill in one form instead
        </button>
      </p>
    </>
  )
}

/** The provider's generate guide as wizard steps, after a first step that chooses the provider. */
export function generateSteps(providers: readonly ProviderDescriptor[], descriptor: ProviderDescriptor, hooks: { onForm: () => void; onRotate: (id: string) => void }): WizardStep<GenerateValues>[] {
  const choose: WizardStep<GenerateValues> = {
    id: 'provider',
    title: 'Choose the service',
    render: (ctx) => <ProviderStep providers={providers} ctx={ctx} onForm={hooks.onForm} />,
    blocked: (ctx) => (providers.some((p) => p.id === ctx.values.provider) ? null : 'Choose the service the key is for.'),
  }
  const guide = descriptor.guides.generate.map((step): WizardStep<GenerateValues> => {
    const base = { id: step.id, title: step.title }
    if (step.fields) {
      return {
        ...base,
        render: (ctx) => <FieldsStep step={step} descriptor={descriptor} ctx={ctx} onRotate={hooks.onRotate} />,
        blocked: (ctx) => {
          const problem = firstProblem(descriptor, step.fields ?? [], ctx.values.fields)
          if (problem) return problem
          const limit = descriptor.constraints.maxActiveSecrets
          const asks = (step.fields ?? []).some((p) => limit?.per.includes(p))
          return limit && asks && ctx.values.atLimit ? `${descriptor.label} keeps only ${limit.count} tokens active: rotate one of them instead.` : null
        },
      }
    }
    if (step.action === 'capture-secret') {
      return {
        ...base,
        render: (ctx) => (
          <>
            <GuideStepBody step={step} descriptor={descriptor} details={detailsOf(descriptor, ctx.values.fields)} />
            <WizardCapture ctx={ctx} secret={descriptor.secret} />
          </>
        ),
        blocked: (ctx) => (ctx.captureId ? null : `Paste the ${descriptor.secret.noun} to go on.`),
      }
    }
    if (step.action === 'check') {
      return {
        ...base,
        render: (ctx) =>
          ctx.captureId ? (
            <>
              <GuideStepBody step={step} descriptor={descriptor} details={detailsOf(descriptor, ctx.values.fields)} />
              <ProbeStep
                input={{ details: detailsOf(descriptor, ctx.values.fields), secretCaptureId: ctx.captureId }}
                result={ctx.values.probe}
                choice={ctx.values.secretChoice}
                onResult={(probe, secretChoice) => ctx.setValues({ probe, secretChoice })}
              />
            </>
          ) : (
            <p>Go back and paste the {descriptor.secret.noun} first.</p>
          ),
        blocked: (ctx) => (ctx.captureId ? probeBlocked(ctx.values.probe) : `Paste the ${descriptor.secret.noun} to go on.`),
      }
    }
    if (step.action === 'name') {
      return {
        ...base,
        render: (ctx) => <NameStep step={step} descriptor={descriptor} ctx={ctx} />,
        blocked: (ctx) => {
          if (!nameSchema.safeParse(ctx.values.name).success) return sentence('Name', 'too_small', 'required')
          if (!tagsSchema.safeParse(splitTags(ctx.values.tags)).success) return sentence('Tags', 'invalid_format', 'are not in the expected form')
          return firstProblem(descriptor, unaskedFields(descriptor), ctx.values.fields)
        },
      }
    }
    return { ...base, render: (ctx) => <GuideStepBody step={step} descriptor={descriptor} details={detailsOf(descriptor, ctx.values.fields)} /> }
  })
  return [choose, ...guide]
}

export function AddKeyWizard({
  providers,
  prefill = null,
  onForm,
  onDone,
  onRotate,
}: {
  providers: readonly ProviderDescriptor[]
  /** Starts on this provider with this name (a dedicated key for someone, from the Share dialog). */
  prefill?: AddKeyPrefill | null
  onForm: () => void
  onDone: () => void
  onRotate: (id: string) => void
}) {
  const addKey = useStore((s) => s.addKey)
  const checkKey = useStore((s) => s.checkKey)
  const first = providers[0] as ProviderDescriptor
  const chosen = (values: GenerateValues) => providers.find((p) => p.id === values.provider) ?? first
  const start = prefill ? providers.find((p) => p.id === prefill.provider) : undefined
  // Each "key of their own" starts afresh: one begun for someone else must not come back with their name.
  useState(() => {
    if (start) forgetWizardState(DEDICATED_FLOW)
  })
  return (
    <Wizard<GenerateValues>
      flow={start ? DEDICATED_FLOW : GENERATE_FLOW}
      initialValues={start && prefill ? { ...initialValues(start), name: prefill.name } : initialValues(first)}
      steps={(values) => generateSteps(providers, chosen(values), { onForm, onRotate })}
      finishLabel="Save the key"
      onDiscard={onDone}
      onFinish={async ({ values, captureId }) => {
        const descriptor = chosen(values)
        const added = await addKey({
          name: values.name,
          notes: values.notes,
          tags: splitTags(values.tags),
          expiresOn: values.fields[EXPIRES_ON] ? (values.fields[EXPIRES_ON] as string) : null,
          details: detailsOf(descriptor, values.fields),
          ...(captureId ? { secretCaptureId: captureId } : {}),
          ...secretChoiceInput(values.secretChoice),
        })
        onDone()
        // The check before naming was not stored (there was no key yet): this one is its first.
        void checkKey(added.id).catch(() => undefined)
      }}
    />
  )
}
