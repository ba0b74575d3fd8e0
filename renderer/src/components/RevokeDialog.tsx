import { useState } from 'react'
import type { KeyDetail, RevocationResult } from '../../../electron/shared/dto'
import type { GuideStep, ProviderDescriptor } from '../../../electron/shared/providers/descriptor'
import { errorOf } from '../api/client'
import { useApi } from '../store/store'
import { GuideStepBody } from './guide/GuideStepBody'
import { Modal } from './Modal'
import { Wizard, type WizardStep } from './Wizard'

type RevokeValues = { understood: boolean }

const UNDERSTOOD = 'I understand this cannot be undone'

/** "Revoked — verified on 1 December 2026", in the person's own date format. */
export function revokedOn(at: number): string {
  return `Revoked — verified on ${new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(at)}`
}

function StepBody({ step, descriptor, detail }: { step: GuideStep; descriptor: ProviderDescriptor; detail: KeyDetail }) {
  return <GuideStepBody step={step} descriptor={descriptor} details={detail.details} />
}

export function Verdict({ result, onAgain, busy }: { result: RevocationResult; onAgain: () => void; busy: boolean }) {
  if (result.verdict === 'confirmed' && result.revokedAt !== null) {
    return (
      <div role="status" className="revoke-confirmed">
        <p>
          <strong>{revokedOn(result.revokedAt)}</strong>
        </p>
        <p>{result.sentence}</p>
      </div>
    )
  }
  if (result.verdict === 'still-works') {
    // Revoking it at the provider is the person's next move; checking again must not need the dialog reopened.
    return (
      <>
        <div role="alert" className="warning warning-danger">
          <strong>{result.sentence}</strong> <span>{result.check.sentence}</span>
        </div>
        <button type="button" onClick={onAgain} disabled={busy}>
          Check again
        </button>
      </>
    )
  }
  return (
    <div role="status">
      <p>{result.sentence}</p>
      <button type="button" onClick={onAgain} disabled={busy}>
        Check again
      </button>
    </div>
  )
}

function VerifyStep({ step, descriptor, detail }: { step: GuideStep; descriptor: ProviderDescriptor; detail: KeyDetail }) {
  const api = useApi()
  const [result, setResult] = useState<RevocationResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function verify() {
    setBusy(true)
    setError(null)
    try {
      setResult(await api.call('keyhold:keys.verifyRevoked', { id: detail.id }))
    } catch (err) {
      setError(errorOf(err).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <StepBody step={step} descriptor={descriptor} detail={detail} />
      {!result && (
        <button type="button" onClick={() => void verify()} disabled={busy}>
          {busy ? 'Checking…' : 'Check that the key is revoked'}
        </button>
      )}
      {result && <Verdict result={result} onAgain={() => void verify()} busy={busy} />}
      {error && <p role="alert">{error}</p>}
    </>
  )
}

/** The provider's revoke guide as steps; only the verify step changes anything in the vault. */
export function revokeSteps(descriptor: ProviderDescriptor, detail: KeyDetail): WizardStep<RevokeValues>[] {
  return descriptor.guides.revoke.map((step): WizardStep<RevokeValues> => {
    if (step.action === 'verify-revoked') {
      return { id: step.id, title: step.title, render: () => <VerifyStep step={step} descriptor={descriptor} detail={detail} /> }
    }
    if (step.action === 'confirm-irreversible') {
      return {
        id: step.id,
        title: step.title,
        render: ({ values, setValues }) => (
          <>
            <StepBody step={step} descriptor={descriptor} detail={detail} />
            {descriptor.constraints.revokeIrreversible && !step.body.includes(descriptor.constraints.revokeIrreversible) && <p>{descriptor.constraints.revokeIrreversible}</p>}
            <label className="checkbox">
              <input type="checkbox" checked={values.understood} onChange={(e) => setValues({ understood: e.target.checked })} /> {UNDERSTOOD}
            </label>
          </>
        ),
        blocked: ({ values }) => (values.understood ? null : `Tick “${UNDERSTOOD}” to go on.`),
      }
    }
    return { id: step.id, title: step.title, render: () => <StepBody step={step} descriptor={descriptor} detail={detail} /> }
  })
}

export function RevokeDialog({ descriptor, detail, open, onClose }: { descriptor: ProviderDescriptor; detail: KeyDetail; open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onClose={onClose} title={`Revoke “${detail.name}”`} description={`Revoke the key at ${descriptor.label}, then let Keyhold verify it.`}>
      <Wizard<RevokeValues>
        flow={`revoke-${detail.id}`}
        steps={revokeSteps(descriptor, detail)}
        initialValues={{ understood: false }}
        onFinish={onClose}
        onDiscard={onClose}
        finishLabel="Close"
      />
    </Modal>
  )
}

/** The detail panel's "Revoke…" button, with its dialog (kept open after the key turns revoked, so the verdict stays shown). */
export function RevokeAction({ descriptor, detail, revoked }: { descriptor: ProviderDescriptor | undefined; detail: KeyDetail; revoked: boolean }) {
  const [open, setOpen] = useState(false)
  if (!descriptor || descriptor.guides.revoke.length === 0) return null
  return (
    <>
      {!revoked && <button type="button" className="danger" onClick={() => setOpen(true)}>
        Revoke…
      </button>}
      {open && <RevokeDialog descriptor={descriptor} detail={detail} open={open} onClose={() => setOpen(false)} />}
    </>
  )
}
