import { useState } from 'react'
import type { KeyDetail, ProbeResult } from '../../../electron/shared/dto'
import type { GuideStep, ProviderDescriptor } from '../../../electron/shared/providers/descriptor'
import { fieldValueOf } from '../../../electron/shared/validation/field-schemas'
import { useProvider } from '../providers-ui'
import { selectDetail, selectDialog } from '../store/selectors'
import { useApi, useStore } from '../store/store'
import { WizardCapture, type CaptureShape } from './guide/CaptureStep'
import { GuideStepBody } from './guide/GuideStepBody'
import { LimitsNotice, useLimits } from './guide/LimitsNotice'
import { probeBlocked, ProbeStep, secretChoiceInput, type SecretChoice } from './guide/ProbeStep'
import { RotationVerify } from './guide/RotationVerify'
import { Modal } from './Modal'
import { Wizard, type WizardContext, type WizardStep } from './Wizard'

type Integration = { label: string; done: boolean }

export type RotateValues = {
  capture: CaptureShape | null
  probe: ProbeResult | null
  secretChoice: SecretChoice
  /** The new key, once saved (right after its check: a token shown once is never left unsaved). */
  newId: string | null
  integrations: Integration[]
  allUpdated: boolean
  revokedAt: number | null
}

type Ctx = WizardContext<RotateValues>

const initial = (descriptor: ProviderDescriptor, old: KeyDetail): RotateValues => {
  const field = descriptor.constraints.onePerValue?.field
  const serves = field ? fieldValueOf(old.details, field) : undefined
  return { capture: null, probe: null, secretChoice: null, newId: null, integrations: serves ? [{ label: serves, done: false }] : [], allUpdated: false, revokedAt: null }
}

function Slots({ old }: { old: KeyDetail }) {
  return <LimitsNotice limits={useLimits(old.details)} />
}

function IntegrationsChecklist({ ctx }: { ctx: Ctx }) {
  const [draft, setDraft] = useState('')
  const { integrations } = ctx.values
  const set = (next: Integration[]) => ctx.setValues({ integrations: next })
  return (
    <>
      {integrations.length > 0 && (
        <fieldset className="checklist">
          <legend>Integrations to update</legend>
          {integrations.map((item, i) => (
            <label key={`${item.label}-${i}`} className="checkbox">
              <input type="checkbox" checked={item.done} onChange={(e) => set(integrations.map((it, j) => (j === i ? { ...it, done: e.target.checked } : it)))} /> {item.label}
            </label>
          ))}
        </fieldset>
      )}
      <form
        className="inline-add"
        onSubmit={(e) => {
          e.preventDefault()
          if (draft.trim() === '') return
          set([...integrations, { label: draft.trim(), done: false }])
          setDraft('')
        }}
      >
        <label>
          Another program or integration that uses the key <input value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit">Add to the list</button>
      </form>
      <label className="checkbox">
        <input type="checkbox" checked={ctx.values.allUpdated} onChange={(e) => ctx.setValues({ allUpdated: e.target.checked })} /> Everything that used the old key now has the new one
      </label>
    </>
  )
}

/** The provider's rotate guide: capture → check (the new key saved) → integrations → revoke the old → verified. */
export function rotateSteps(descriptor: ProviderDescriptor, old: KeyDetail, save: (ctx: Ctx) => Promise<Partial<RotateValues>>): WizardStep<RotateValues>[] {
  const body = (step: GuideStep) => <GuideStepBody step={step} descriptor={descriptor} details={old.details} />
  const saved = (ctx: Ctx) => ctx.values.newId !== null
  return descriptor.guides.rotate.map((step): WizardStep<RotateValues> => {
    const base = { id: step.id, title: step.title }
    switch (step.action) {
      case 'capture-secret':
        return {
          ...base,
          render: (ctx) => (
            <>
              {body(step)}
              {saved(ctx) ? (
                <p role="status">The new {descriptor.secret.noun} is saved in Keyhold.</p>
              ) : (
                <WizardCapture ctx={ctx} secret={descriptor.secret} />
              )}
            </>
          ),
          blocked: (ctx) => (saved(ctx) || ctx.captureId ? null : `Paste the new ${descriptor.secret.noun} to go on.`),
        }
      case 'check':
        return {
          ...base,
          render: (ctx) => (
            <>
              {body(step)}
              {saved(ctx) || !ctx.captureId ? (
                <p role="status">{saved(ctx) ? `The new ${descriptor.secret.noun} was checked and saved.` : `Go back and paste the new ${descriptor.secret.noun} first.`}</p>
              ) : (
                <ProbeStep
                  input={{ details: old.details, secretCaptureId: ctx.captureId }}
                  result={ctx.values.probe}
                  choice={ctx.values.secretChoice}
                  onResult={(probe, secretChoice) => ctx.setValues({ probe, secretChoice })}
                />
              )}
            </>
          ),
          blocked: (ctx) => (saved(ctx) ? null : ctx.captureId ? probeBlocked(ctx.values.probe) : `Paste the new ${descriptor.secret.noun} to go on.`),
          onNext: async (ctx) => (saved(ctx) ? {} : save(ctx)),
        }
      case 'update-integrations':
        return {
          ...base,
          render: (ctx) => (
            <>
              {body(step)}
              <IntegrationsChecklist ctx={ctx} />
            </>
          ),
          blocked: (ctx) =>
            ctx.values.integrations.some((i) => !i.done) ? 'Tick each integration once it has the new key.' : ctx.values.allUpdated ? null : 'Tick “Everything that used the old key now has the new one” to go on.',
        }
      case 'verify-revoked':
        return {
          ...base,
          render: (ctx) => (
            <>
              {body(step)}
              <RotationVerify oldId={old.id} revokedAt={ctx.values.revokedAt} onConfirmed={(revokedAt) => ctx.setValues({ revokedAt })} />
            </>
          ),
          blocked: (ctx) => (ctx.values.revokedAt === null ? `The rotation finishes once ${descriptor.label} refuses the old key. You can close this and come back.` : null),
        }
      default:
        return {
          ...base,
          render: () => (
            <>
              {body(step)}
              {descriptor.constraints.maxActiveSecrets && step === descriptor.guides.rotate[0] && <Slots old={old} />}
            </>
          ),
        }
    }
  })
}

export function RotateKeyDialog() {
  const detail = useStore(selectDetail)
  const open = useStore(selectDialog) === 'rotate' && detail !== null
  const closeDialog = useStore((s) => s.closeDialog)
  const select = useStore((s) => s.select)
  const loadKeys = useStore((s) => s.loadKeys)
  const announce = useStore((s) => s.announce)
  const checkKey = useStore((s) => s.checkKey)
  const api = useApi()
  const descriptor = useProvider(detail?.provider ?? '')
  // The old key stays selected through the flow (it turns revoked at the end): its id and details do not change.
  const subject = detail
  if (!subject || !descriptor) return null

  async function save(ctx: Ctx): Promise<Partial<RotateValues>> {
    if (!subject || !ctx.captureId) return {}
    const added = await api.call('keyhold:keys.rotate', { id: subject.id, secretCaptureId: ctx.captureId, ...secretChoiceInput(ctx.values.secretChoice) })
    ctx.setCaptureId(null)
    // The check before saving was not stored (there was no key yet): this is the new key's first,
    // and what lets a later revocation of it be verified (a provider whose refusal is ambiguous
    // counts it only for a key that worked here before).
    void checkKey(added.id).catch(() => undefined)
    await loadKeys()
    announce(`The new ${descriptor?.secret.noun ?? 'key'} is saved as “${added.name}”. The old one stays until it is revoked.`)
    return { newId: added.id }
  }

  return (
    <Modal open={open} onClose={closeDialog} title={`Rotate “${subject.name}”`} description={`Replace the ${descriptor.secret.noun} with a new one from ${descriptor.label}, then retire the old one. Closing keeps your progress.`}>
      {open && (
        <Wizard<RotateValues>
          flow={`rotate-${subject.id}`}
          steps={rotateSteps(descriptor, subject, save)}
          initialValues={initial(descriptor, subject)}
          finishLabel="Done"
          onDiscard={closeDialog}
          onFinish={async ({ values }) => {
            closeDialog()
            if (values.newId) await select(values.newId)
          }}
        />
      )}
    </Modal>
  )
}

/** The detail panel's "Rotate…" button, for a key in use whose provider has a rotate guide. */
export function RotateAction({ descriptor, detail }: { descriptor: ProviderDescriptor | undefined; detail: KeyDetail }) {
  const openDialog = useStore((s) => s.openDialog)
  if (!descriptor || descriptor.guides.rotate.length === 0 || detail.revokedAt !== null || !detail.hasSecret) return null
  return (
    <button type="button" onClick={() => openDialog('rotate')}>
      Rotate…
    </button>
  )
}
