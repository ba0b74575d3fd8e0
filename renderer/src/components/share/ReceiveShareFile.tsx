import { FileInput } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import type { ProviderDetails } from '../../../../electron/shared/dto'
import type { SharePreview } from '../../../../electron/shared/sharing'
import { fieldApplies } from '../../../../electron/shared/validation/field-schemas'
import { nameSchema } from '../../../../electron/shared/schemas/keys'
import { errorOf } from '../../api/client'
import { formatDateTime, formatDay } from '../../dates'
import { providerLabel, shownValue, useProvider } from '../../providers-ui'
import { useApi, useStore } from '../../store/store'
import { Field } from '../Field'
import { DialogButton } from '../DialogButton'

export const RECEIVE_TITLE = 'Open a share file'

type Step =
  | { at: 'choose' }
  | { at: 'passphrase'; fileId: string; name: string }
  | { at: 'preview'; previewId: string; preview: SharePreview }

function PreviewRows({ preview }: { preview: SharePreview }) {
  const descriptor = useProvider(preview.provider)
  const details = preview.details as ProviderDetails
  // The provider's own fields, as the detail panel shows them: where the key is used matters before adding it.
  const fields: [string, string][] = (descriptor?.fields ?? []).flatMap((f): [string, string][] => {
    const value = fieldApplies(f, details) ? shownValue(f, details) : undefined
    return value === undefined ? [] : [[f.shownAs ?? f.label, value]]
  })
  const rows: [string, string][] = [
    ['Provider', providerLabel(descriptor, preview.provider)],
    ...fields,
    ...(preview.account ? ([['Account', preview.account]] as [string, string][]) : []),
    ...(preview.expiresOn ? ([['Expires on', formatDay(preview.expiresOn)]] as [string, string][]) : []),
    ...(preview.tags.length ? ([['Tags', preview.tags.join(', ')]] as [string, string][]) : []),
    ['Shared', formatDateTime(preview.sharedAt)],
  ]
  return (
    <dl className="detail-list">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * A share file from another Keyhold: chosen, opened (with its passphrase, if it was made with
 * one), shown — provider, name and details, never the key — and added under the name the person
 * keeps or types. A key already in the vault is pointed at, not added twice.
 */
export function ReceiveShareFile({ onClose }: { onClose: () => void }) {
  const api = useApi()
  const announce = useStore((s) => s.announce)
  const loadKeys = useStore((s) => s.loadKeys)
  const select = useStore((s) => s.select)
  const [step, setStep] = useState<Step>({ at: 'choose' })
  const [passphrase, setPassphrase] = useState('')
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null)

  const run = async (action: () => Promise<void>) => {
    setError(null)
    setBusy(true)
    try {
      await action()
    } catch (err) {
      const found = errorOf(err)
      setError({ message: found.message, field: found.field })
      // A mistyped passphrase keeps the file open to try again; anything else means choosing it again.
      if (step.at === 'passphrase') {
        if (found.field === 'passphrase') setPassphrase('')
        else setStep({ at: 'choose' })
      }
    } finally {
      setBusy(false)
    }
  }

  const opened = (result: Awaited<ReturnType<typeof openFile>>, fileName: string) => {
    if (result.needsPassphrase) setStep({ at: 'passphrase', fileId: result.fileId, name: fileName })
    else {
      setName(result.preview.name)
      setStep({ at: 'preview', previewId: result.previewId, preview: result.preview })
    }
  }
  const openFile = (fileId: string, typed?: string) => api.call('keyhold:share.open', typed === undefined ? { fileId } : { fileId, passphrase: typed })

  const choose = () =>
    run(async () => {
      const file = await api.call('keyhold:files.choose', { purpose: 'share-file' })
      if (!file) return
      opened(await openFile(file.fileId), file.name)
    })

  const unlock = (e: FormEvent) => {
    e.preventDefault()
    if (step.at !== 'passphrase' || passphrase.trim() === '') return
    const { fileId, name: fileName } = step
    void run(async () => {
      opened(await openFile(fileId, passphrase), fileName)
      setPassphrase('')
    })
  }

  const nameError = step.at === 'preview' && !nameSchema.safeParse(name).success ? 'Give the key a name (up to 200 characters, on one line).' : undefined
  const add = (e: FormEvent) => {
    e.preventDefault()
    if (step.at !== 'preview' || nameError) return
    const { previewId, preview } = step
    void run(async () => {
      const accepted = await api.call('keyhold:share.accept', name === preview.name ? { previewId } : { previewId, name })
      await loadKeys()
      await select(accepted.key.id)
      announce(accepted.added ? `“${accepted.key.name}” was added to your vault.` : `That key is already in your vault as “${accepted.key.name}”. Nothing was added.`)
      onClose()
    })
  }

  const problem = error && (
    <p className="form-error" role="alert">
      {error.message}
    </p>
  )

  if (step.at === 'passphrase') {
    return (
      <form className="share-flow" onSubmit={unlock} noValidate>
        <p>
          “{step.name}” was made with a passphrase. The person who sent it has it (they were asked to give it apart from the file, by phone for example).
        </p>
        <Field label="Passphrase" hint="Capitals, spaces and dashes do not matter." error={error?.field === 'passphrase' ? error.message : undefined}>
          {(p) => <input {...p} autoFocus spellCheck={false} autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />}
        </Field>
        {error?.field !== 'passphrase' && problem}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || passphrase.trim() === ''}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    )
  }

  if (step.at === 'preview') {
    const { preview } = step
    return (
      <form className="share-flow" onSubmit={add} noValidate>
        <p>The file holds this key. Keyhold adds it to your vault only when you say so.</p>
        <PreviewRows preview={preview} />
        {preview.existingKeyId !== null ? (
          <p role="status">This key (the same provider and secret) is already in your vault. Adding it shows the one you have; nothing is added twice.</p>
        ) : (
          <Field label="Name in your vault" error={nameError}>
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
        )}
        {problem}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || nameError !== undefined}>
            {preview.existingKeyId !== null ? 'Show the key I have' : busy ? 'Adding…' : 'Add to vault'}
          </button>
        </div>
      </form>
    )
  }

  return (
    <div className="share-flow">
      <p>A share file is a key another Keyhold encrypted for you: to your sharing code, or to a passphrase they give you separately.</p>
      {problem}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void choose()}>
          {busy ? 'Opening…' : 'Choose a share file…'}
        </button>
      </div>
    </div>
  )
}

/** The header's "Open a share file…" button and its dialog. */
export function ReceiveShareFileButton() {
  return (
    <DialogButton icon={FileInput} label="Open a share file…" title="Open a share file" dialogTitle={RECEIVE_TITLE} description="Add a key someone sent you from their Keyhold. You see what it holds before anything is added.">
      {(close) => <ReceiveShareFile onClose={close} />}
    </DialogButton>
  )
}
