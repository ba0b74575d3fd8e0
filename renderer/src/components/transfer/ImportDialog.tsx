import { FileInput } from 'lucide-react'
import { useState } from 'react'
import type { CsvColumns, CsvRole, ImportPreview, ImportResult } from '../../../../electron/shared/transfer'
import { errorOf } from '../../api/client'
import { useApi, useStore } from '../../store/store'
import { Field } from '../Field'
import { DialogButton } from '../DialogButton'
import { PreviewTable } from './PreviewTable'
import { countsSentence, resultSentence, ROLE_LABELS, SOURCE_LABELS } from './transfer-ui'

type Step =
  | { kind: 'choose' }
  | { kind: 'password'; fileId: string; name: string; error: string | null }
  | { kind: 'preview'; fileId: string; name: string; passphrase: string | undefined; preview: ImportPreview }
  | { kind: 'done'; result: ImportResult }

const NEEDS_PASSWORD = new Set(['IMPORT_PASSWORD_NEEDED', 'IMPORT_WRONG_PASSWORD'])

/**
 * Import: choose a file, give its password when it has one, map a CSV's columns, read the preview
 * (nothing is written until Import), then the report. Core reads the file; the window only ever
 * sees names, providers and what will happen to each row.
 */
function ImportFlow({ onDone }: { onDone: () => void }) {
  const api = useApi()
  const loadKeys = useStore((s) => s.loadKeys)
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [password, setPassword] = useState('')

  async function preview(fileId: string, name: string, passphrase?: string, columns?: CsvColumns) {
    setBusy(true)
    setError(null)
    try {
      const p = await api.call('keyhold:import.preview', { fileId, ...(passphrase !== undefined ? { passphrase } : {}), ...(columns ? { columns } : {}) })
      setStep({ kind: 'preview', fileId, name, passphrase, preview: p })
    } catch (err) {
      const e = errorOf(err)
      if (NEEDS_PASSWORD.has(e.code)) setStep({ kind: 'password', fileId, name, error: e.code === 'IMPORT_WRONG_PASSWORD' ? e.message : null })
      else setError(e.message)
    } finally {
      setBusy(false)
    }
  }

  async function choose() {
    setError(null)
    try {
      const ref = await api.call('keyhold:files.choose', { purpose: 'import' })
      if (ref) await preview(ref.fileId, ref.name)
    } catch (err) {
      setError(errorOf(err).message)
    }
  }

  async function apply(previewId: string) {
    setBusy(true)
    setError(null)
    try {
      const result = await api.call('keyhold:import.apply', { previewId })
      setStep({ kind: 'done', result })
      await loadKeys()
    } catch (err) {
      setError(errorOf(err).message)
    } finally {
      setBusy(false)
    }
  }

  const problem = error && (
    <p className="form-error" role="alert">
      {error}
    </p>
  )

  if (step.kind === 'choose') {
    return (
      <>
        <p>Keyhold reads a Keyhold export, a KeePass database (.kdbx), a Bitwarden JSON export, a .env file, or a CSV (a spreadsheet saved as CSV). You see what it would add before anything is saved.</p>
        {problem}
        <div className="dialog-actions">
          <button type="button" onClick={onDone}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void choose()}>
            {busy ? 'Reading…' : 'Choose a file…'}
          </button>
        </div>
      </>
    )
  }

  if (step.kind === 'password') {
    return (
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void preview(step.fileId, step.name, password)
        }}
      >
        <p>
          <strong>{step.name}</strong> is protected by a password.
        </p>
        <Field label="The file’s password" error={step.error ?? undefined} hint="The passphrase chosen when the export was made, or the KeePass database’s master password.">
          {(p) => <input {...p} type="password" autoComplete="off" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        {problem}
        <div className="dialog-actions">
          <button type="button" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || password === ''}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    )
  }

  if (step.kind === 'done') {
    return (
      <>
        <p role="status">{resultSentence(step.result)}</p>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={onDone}>
            Done
          </button>
        </div>
      </>
    )
  }

  const { preview: p, fileId, name, passphrase } = step
  const toImport = p.counts.add + p.counts.update
  const remap = (role: CsvRole, value: string) => {
    const others = Object.entries(p.csv?.mapping ?? {}).filter(([r]) => r !== role)
    const mapping: CsvColumns = Object.fromEntries(value === '' ? others : [...others, [role, Number(value)]])
    void preview(fileId, name, passphrase, mapping)
  }
  return (
    <>
      <p>
        <strong>{name}</strong>, read as a {SOURCE_LABELS[p.source]}: <span role="status">{countsSentence(p.counts)}</span>. Nothing is saved until you choose Import.
      </p>
      {p.csv && (
        <fieldset className="import-columns">
          <legend>Which column is which</legend>
          {ROLE_LABELS.map(([role, label]) => (
            <Field key={role} label={label}>
              {(props) => (
                <select {...props} value={p.csv?.mapping[role] ?? ''} disabled={busy} onChange={(e) => remap(role, e.target.value)}>
                  <option value="">Not in this file</option>
                  {p.csv?.headers.map((h, i) => (
                    <option key={i} value={i}>
                      {h || `Column ${i + 1}`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
        </fieldset>
      )}
      <PreviewTable rows={p.rows} />
      {problem}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy || toImport === 0} onClick={() => void apply(p.previewId)}>
          {busy ? 'Importing…' : toImport === 0 ? 'Nothing to import' : `Import ${toImport} ${toImport === 1 ? 'key' : 'keys'}`}
        </button>
      </div>
    </>
  )
}

/** The toolbar's "Import" button and its dialog. */
export function ImportButton() {
  return (
    <DialogButton icon={FileInput} label="Import" title="Import keys from a file" dialogTitle="Import keys" description="Bring keys in from a Keyhold export, KeePass, Bitwarden, a .env file or a spreadsheet.">
      {(close) => <ImportFlow onDone={close} />}
    </DialogButton>
  )
}
