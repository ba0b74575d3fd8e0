import { Share2 } from 'lucide-react'
import { useState } from 'react'
import type { KeyDetail, ShareRecorded } from '../../../../electron/shared/dto'
import type { GuideStep, ProviderDescriptor } from '../../../../electron/shared/providers/descriptor'
import { shareRecipientSchema } from '../../../../electron/shared/shares'
import { errorOf } from '../../api/client'
import { formatDate } from '../../dates'
import { dedicatedKeyName } from '../../share-ui'
import { useStore } from '../../store/store'
import { Field } from '../Field'
import { GuideStepBody, WarningNote } from '../guide/GuideStepBody'
import { Modal } from '../Modal'
import { Wizard, type WizardContext, type WizardStep } from '../Wizard'

type ShareValues = { recipient: string }
type Ctx = WizardContext<ShareValues>

/** What the Share dialog hands on: a dedicated key to add, a share file to send. */
export interface ShareHooks {
  /** Opens the add-key wizard for this provider, named for the recipient. */
  onDedicatedKey: (name: string) => void
  /** Opens the encrypted share file flow for this key; absent, the dialog offers no file. */
  onSendFile?: ((key: KeyDetail) => void) | undefined
}

const validRecipient = (recipient: string) => shareRecipientSchema.safeParse(recipient).success

function RecipientField({ ctx, label }: { ctx: Ctx; label: string }) {
  const { recipient } = ctx.values
  const error = recipient !== '' && !validRecipient(recipient) ? 'Who it is for is one line of up to 200 characters, without invisible characters.' : undefined
  return (
    <Field label={label} error={error} hint="A name or an email address. Keyhold keeps it encrypted with the key.">
      {(p) => <input {...p} value={recipient} autoComplete="off" onChange={(e) => ctx.setValues({ recipient: e.target.value })} />}
    </Field>
  )
}

function DedicatedStep({ step, descriptor, detail, ctx, hooks }: { step: GuideStep; descriptor: ProviderDescriptor; detail: KeyDetail; ctx: Ctx; hooks: ShareHooks }) {
  const { recipient } = ctx.values
  const ready = validRecipient(recipient)
  return (
    <>
      <GuideStepBody step={step} descriptor={descriptor} details={detail.details} />
      <RecipientField ctx={ctx} label="Who is it for?" />
      <button type="button" className="primary" disabled={!ready} onClick={() => hooks.onDedicatedKey(dedicatedKeyName(detail.name, recipient))}>
        {ready ? `Add a key for ${recipient.trim()}…` : 'Add a key for them…'}
      </button>
    </>
  )
}

function RecordShareStep({ step, descriptor, detail, ctx }: { step: GuideStep; descriptor: ProviderDescriptor; detail: KeyDetail; ctx: Ctx }) {
  const recordShare = useStore((s) => s.recordShare)
  const [recorded, setRecorded] = useState<ShareRecorded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function record() {
    setBusy(true)
    setError(null)
    try {
      setRecorded(await recordShare(detail.id, ctx.values.recipient))
    } catch (err) {
      setError(errorOf(err).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <GuideStepBody step={step} descriptor={descriptor} details={detail.details} />
      {!recorded && (
        <>
          <RecipientField ctx={ctx} label={`Shared with (in ${descriptor.label})`} />
          <button type="button" disabled={busy || !validRecipient(ctx.values.recipient)} onClick={() => void record()}>
            {busy ? 'Recording…' : 'Record that I shared it'}
          </button>
        </>
      )}
      {recorded && (
        // What the provider's document says must be known at this moment, in its words.
        <div role="status" className="share-recorded">
          <p>
            <strong>
              Recorded: shared with {recorded.share.with} on {formatDate(recorded.share.sharedAt)}.
            </strong>
          </p>
          {recorded.warnings.map((w) => (
            <WarningNote key={w.title} warning={w} />
          ))}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}

function SendFileButton({ detail, hooks, onClose }: { detail: KeyDetail; hooks: ShareHooks; onClose: () => void }) {
  const { onSendFile } = hooks
  if (!onSendFile || !detail.hasSecret) return null
  return (
    <p>
      <button
        type="button"
        onClick={() => {
          onClose()
          onSendFile(detail)
        }}
      >
        Send to another Keyhold…
      </button>
    </p>
  )
}

/**
 * The provider's share guide as steps, in its order: the safer option first (a key of their own,
 * named for them), then the provider's own sharing where it has one (recorded here), and last an
 * encrypted file to another Keyhold.
 */
export function shareSteps(descriptor: ProviderDescriptor, detail: KeyDetail, hooks: ShareHooks, onClose: () => void): WizardStep<ShareValues>[] {
  const guide = descriptor.guides.share
  return guide.map((step, i): WizardStep<ShareValues> => {
    const sendFile = i === guide.length - 1 ? <SendFileButton detail={detail} hooks={hooks} onClose={onClose} /> : null
    const base = { id: step.id, title: step.title }
    if (step.action === 'suggest-dedicated-key') {
      return {
        ...base,
        render: (ctx) => (
          <>
            <DedicatedStep step={step} descriptor={descriptor} detail={detail} ctx={ctx} hooks={hooks} />
            {sendFile}
          </>
        ),
      }
    }
    if (step.action === 'record-share') {
      return {
        ...base,
        render: (ctx) => (
          <>
            <RecordShareStep step={step} descriptor={descriptor} detail={detail} ctx={ctx} />
            {sendFile}
          </>
        ),
      }
    }
    return {
      ...base,
      render: () => (
        <>
          <GuideStepBody step={step} descriptor={descriptor} details={detail.details} />
          {sendFile}
        </>
      ),
    }
  })
}

export function ShareDialog({ descriptor, detail, open, onClose, hooks }: { descriptor: ProviderDescriptor; detail: KeyDetail; open: boolean; onClose: () => void; hooks: ShareHooks }) {
  return (
    <Modal open={open} onClose={onClose} title={`Share “${detail.name}”`} description="Pass the key on without plain text at any step: the safer option first.">
      <Wizard<ShareValues> flow={`share-${detail.id}`} steps={shareSteps(descriptor, detail, hooks, onClose)} initialValues={{ recipient: '' }} onFinish={onClose} onDiscard={onClose} finishLabel="Close" />
    </Modal>
  )
}

/**
 * The detail panel's "Share…" button, with its dialog. `onSendFile` opens the share-file dialog,
 * which the lead wires in where the panel is placed (VaultScreen).
 */
export function ShareAction({ descriptor, detail, onSendFile }: { descriptor: ProviderDescriptor | undefined; detail: KeyDetail; onSendFile?: ((key: KeyDetail) => void) | undefined }) {
  const [open, setOpen] = useState(false)
  const openAddKeyFor = useStore((s) => s.openAddKeyFor)
  if (!descriptor || descriptor.guides.share.length === 0 || detail.revokedAt !== null) return null
  const hooks: ShareHooks = {
    onDedicatedKey: (name) => {
      setOpen(false)
      openAddKeyFor({ provider: descriptor.id, name })
    },
    onSendFile,
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        <Share2 className="button-icon" size={16} aria-hidden="true" focusable="false" />
        Share…
      </button>
      {open && <ShareDialog descriptor={descriptor} detail={detail} open={open} onClose={() => setOpen(false)} hooks={hooks} />}
    </>
  )
}
