import { useState, type FormEvent } from 'react'
import type { CaptureResult, KeyDetail, NewKeyInput, ProviderDetails } from '../../../electron/shared/dto'
import type { CustomAuthKind, ProviderId, ThreatstopService } from '../../../electron/shared/providers'
import { errorOf } from '../api/client'
import { AUTH_KIND_LABELS, PROVIDER_ORDER, PROVIDERS, THREATSTOP_SERVICE_LABELS } from '../providers-ui'
import { Field } from './Field'
import { SecretField } from './SecretField'

interface Values {
  provider: ProviderId
  name: string
  account: string
  notes: string
  tags: string
  expiresOn: string
  tenant: string
  apiKey: string
  service: ThreatstopService
  keyName: string
  baseUrl: string
  authKind: CustomAuthKind
  headerName: string
  username: string
  secret: string
}

const EMPTY: Values = {
  provider: 'threadeo', name: '', account: '', notes: '', tags: '', expiresOn: '', tenant: '', apiKey: '',
  service: 'devices', keyName: '', baseUrl: 'https://', authKind: 'bearer', headerName: 'X-API-Key', username: '', secret: '',
}

function valuesOf(key: KeyDetail): Values {
  const d = key.details
  return {
    ...EMPTY,
    provider: d.provider,
    name: key.name,
    account: key.account,
    notes: key.notes,
    tags: key.tags.join(', '),
    expiresOn: key.expiresOn ?? '',
    ...(d.provider === 'threadeo' ? { tenant: d.tenant, apiKey: d.apiKey } : {}),
    ...(d.provider === 'threatstop' ? { service: d.service } : {}),
    ...(d.provider === 'spreeflo' ? { keyName: d.keyName } : {}),
    ...(d.provider === 'custom'
      ? {
          baseUrl: d.baseUrl,
          authKind: d.auth.kind,
          ...(d.auth.kind === 'header' ? { headerName: d.auth.headerName } : {}),
          ...(d.auth.kind === 'basic' ? { username: d.auth.username } : {}),
        }
      : {}),
  }
}

function detailsOf(v: Values): ProviderDetails {
  switch (v.provider) {
    case 'threadeo':
      return { provider: 'threadeo', tenant: v.tenant.trim().toLowerCase(), apiKey: v.apiKey.trim() }
    case 'threatstop':
      return { provider: 'threatstop', service: v.service }
    case 'spreeflo':
      return { provider: 'spreeflo', keyName: v.keyName }
    case 'custom':
      return {
        provider: 'custom',
        baseUrl: v.baseUrl.trim(),
        auth:
          v.authKind === 'header'
            ? { kind: 'header', headerName: v.headerName.trim() }
            : v.authKind === 'basic'
              ? { kind: 'basic', username: v.username }
              : { kind: 'bearer' },
      }
  }
}

/** 'details.auth.headerName' → 'headerName', 'tags.2' → 'tags': the form's own field names. */
function formField(field: string | undefined): string {
  if (!field) return 'form'
  const parts = field.split('.').filter((p) => p !== 'details' && p !== 'auth' && p !== 'changes' && !/^\d+$/.test(p))
  return parts.at(-1) ?? 'form'
}

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
}

export function KeyForm({ editing, onSubmit, onCancel }: KeyFormProps) {
  const [v, setV] = useState<Values>(editing ? valuesOf(editing) : EMPTY)
  const [error, setError] = useState<{ field: string; code: string; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [capture, setCapture] = useState<CaptureResult | null>(null)
  const set = <K extends keyof Values>(k: K) => (value: Values[K]) => setV((old) => ({ ...old, [k]: value }))
  const errorFor = (field: string) => (error?.field === field ? error.message : undefined)

  async function save(secretChoice: { keepSecretAsIs?: boolean; trimSecret?: boolean } = {}) {
    setBusy(true)
    setError(null)
    const tags = v.tags.split(',').map((t) => t.trim()).filter(Boolean)
    try {
      await onSubmit({
        common: { name: v.name, account: v.account, notes: v.notes, tags, expiresOn: v.expiresOn || null, ...secretChoice },
        details: detailsOf(v),
        secret: capture || (editing && v.secret === '') ? undefined : v.secret,
        secretCaptureId: capture?.captureId,
      })
    } catch (err) {
      const e = errorOf(err)
      setError({ field: formField(e.field), code: e.code, message: e.message })
      setBusy(false)
    }
  }

  /** A paste replaces whatever was typed; "Type it instead" starts the field empty. */
  function captured(next: CaptureResult | null) {
    setV((old) => ({ ...old, secret: '' }))
    setCapture(next)
    if (error?.field === 'secret') setError(null)
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    void save()
  }

  const secretLabel = editing ? `New ${PROVIDERS[v.provider].secretLabel.toLowerCase()} (leave empty to keep the current one)` : PROVIDERS[v.provider].secretLabel
  return (
    <form className="key-form" onSubmit={submit} noValidate>
      {!editing && (
        <fieldset className="provider-choice">
          <legend>Provider</legend>
          {PROVIDER_ORDER.map((p) => (
            <label key={p}>
              <input type="radio" name="provider" value={p} checked={v.provider === p} onChange={() => set('provider')(p)} />
              {PROVIDERS[p].label}
            </label>
          ))}
        </fieldset>
      )}
      <Field label="Name" error={errorFor('name')} hint="A name that says what the key is for, such as “Spreeflo – website sign-up form”.">
        {(p) => <input {...p} value={v.name} onChange={(e) => set('name')(e.target.value)} autoFocus />}
      </Field>

      {v.provider === 'threadeo' && (
        <>
          <Field label="Tenant subdomain" error={errorFor('tenant')} hint="The part before .threadeo.com in your Threadeo address.">
            {(p) => <input {...p} value={v.tenant} onChange={(e) => set('tenant')(e.target.value)} autoCapitalize="off" spellCheck={false} />}
          </Field>
          <Field label="API key (acts like a username)" error={errorFor('apiKey')}>
            {(p) => <input {...p} value={v.apiKey} onChange={(e) => set('apiKey')(e.target.value)} autoCapitalize="off" spellCheck={false} />}
          </Field>
        </>
      )}
      {v.provider === 'threatstop' && (
        <Field label="Service the key can read" error={errorFor('service')}>
          {(p) => (
            <select {...p} value={v.service} onChange={(e) => set('service')(e.target.value as ThreatstopService)}>
              {Object.entries(THREATSTOP_SERVICE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {v.provider === 'spreeflo' && (
        <Field label="Key name in Spreeflo" error={errorFor('keyName')} hint="The name you gave the key under Settings › API Keys. Spreeflo advises one key per integration.">
          {(p) => <input {...p} value={v.keyName} onChange={(e) => set('keyName')(e.target.value)} />}
        </Field>
      )}
      {v.provider === 'custom' && (
        <>
          <Field label="Base URL" error={errorFor('baseUrl')} hint="The API's address, starting with https://">
            {(p) => <input {...p} type="url" value={v.baseUrl} onChange={(e) => set('baseUrl')(e.target.value)} spellCheck={false} />}
          </Field>
          <Field label="How the key is sent" error={errorFor('kind')}>
            {(p) => (
              <select {...p} value={v.authKind} onChange={(e) => set('authKind')(e.target.value as CustomAuthKind)}>
                {Object.entries(AUTH_KIND_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {v.authKind === 'header' && (
            <Field label="Header name" error={errorFor('headerName')}>
              {(p) => <input {...p} value={v.headerName} onChange={(e) => set('headerName')(e.target.value)} spellCheck={false} />}
            </Field>
          )}
          {v.authKind === 'basic' && (
            <Field label="Username" error={errorFor('username')}>
              {(p) => <input {...p} value={v.username} onChange={(e) => set('username')(e.target.value)} />}
            </Field>
          )}
        </>
      )}

      <SecretField label={secretLabel} value={v.secret} onChange={set('secret')} capture={capture} onCapture={captured} error={errorFor('secret')} />
      {error?.code === 'SECRET_WHITESPACE' && (
        <div className="choice-row">
          <button type="button" onClick={() => void save({ trimSecret: true })} disabled={busy}>
            Remove them
          </button>
          <button type="button" onClick={() => void save({ keepSecretAsIs: true })} disabled={busy}>
            {capture ? 'Keep the key exactly as pasted' : 'Keep the key exactly as typed'}
          </button>
        </div>
      )}

      <Field label="Account (optional)" error={errorFor('account')} hint="Whose account or which login the key belongs to.">
        {(p) => <input {...p} value={v.account} onChange={(e) => set('account')(e.target.value)} />}
      </Field>
      <Field label="Tags (optional, separated by commas)" error={errorFor('tags')}>
        {(p) => <input {...p} value={v.tags} onChange={(e) => set('tags')(e.target.value)} />}
      </Field>
      <Field label="Expires on (optional)" error={errorFor('expiresOn')}>
        {(p) => <input {...p} type="date" value={v.expiresOn} onChange={(e) => set('expiresOn')(e.target.value)} />}
      </Field>
      <Field label="Notes (optional)" error={errorFor('notes')}>
        {(p) => <textarea {...p} rows={3} value={v.notes} onChange={(e) => set('notes')(e.target.value)} />}
      </Field>
      {error && !['name', 'tenant', 'apiKey', 'service', 'keyName', 'baseUrl', 'kind', 'headerName', 'username', 'secret', 'account', 'tags', 'expiresOn', 'notes'].includes(error.field) && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Add key'}
        </button>
      </div>
    </form>
  )
}
