import { useEffect, useState, type FormEvent } from 'react'
import type { ProviderSettings, Settings, SpreefloAuth } from '../../../electron/shared/dto'
import { errorOf } from '../api/client'
import { SETTINGS_LABELS, SPREEFLO_AUTH_LABELS } from '../checks-ui'
import { selectDialog, selectSettings } from '../store/selectors'
import { useStore } from '../store/store'
import { Field } from './Field'
import { Modal } from './Modal'

type SettingName = keyof ProviderSettings | 'clearAfterSeconds'
const NAMES: readonly SettingName[] = [...(Object.keys(SETTINGS_LABELS) as (keyof ProviderSettings)[]), 'clearAfterSeconds']
const LABELS: Readonly<Record<SettingName, string>> = { ...SETTINGS_LABELS, clearAfterSeconds: 'Clear the clipboard after' }
const CLEAR_MIN = 10
const CLEAR_MAX = 300

/** 'providers.threadeoBaseUrl' → 'threadeoBaseUrl'; anything else belongs to the whole form. */
function settingOf(field: string | undefined): SettingName | 'form' {
  const leaf = field?.split('.').at(-1)
  return leaf && (NAMES as readonly string[]).includes(leaf) ? (leaf as SettingName) : 'form'
}

function SettingsForm({ initial, onDone }: { initial: Settings; onDone: () => void }) {
  const saveSettings = useStore((s) => s.saveSettings)
  const [v, setValues] = useState<ProviderSettings>(initial.providers)
  // As typed: the number is checked on save, so a half-typed value is never rewritten under the cursor.
  const [clearAfter, setClearAfter] = useState(String(initial.clipboard.clearAfterSeconds))
  const [error, setError] = useState<{ field: SettingName | 'form'; message: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (name: keyof ProviderSettings) => (value: string) => setValues((prev) => ({ ...prev, [name]: value }))

  async function submit(event: FormEvent) {
    event.preventDefault()
    const seconds = Number(clearAfter.trim())
    if (clearAfter.trim() === '' || !Number.isInteger(seconds) || seconds < CLEAR_MIN || seconds > CLEAR_MAX) {
      setError({ field: 'clearAfterSeconds', message: `Choose a whole number of seconds from ${CLEAR_MIN} to ${CLEAR_MAX}.` })
      return
    }
    setBusy(true)
    setError(null)
    try {
      await saveSettings({ providers: v, clipboard: { clearAfterSeconds: seconds } })
      onDone()
    } catch (err) {
      const e = errorOf(err)
      const field = settingOf(e.field)
      // Core names fields it has no label for "A field"; here the field is known.
      const message = field !== 'form' ? e.message.replace(/^A field /, `${LABELS[field]} `) : e.message
      setError({ field, message })
      setBusy(false)
    }
  }

  const errorFor = (name: SettingName) => (error?.field === name ? error.message : undefined)
  const text = (name: keyof ProviderSettings, hint: string) => (
    <Field label={SETTINGS_LABELS[name]} error={errorFor(name)} hint={hint}>
      {(p) => <input {...p} value={v[name]} onChange={(e) => set(name)(e.target.value)} spellCheck={false} autoCapitalize="off" />}
    </Field>
  )

  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="settings-group">
        <legend>Clipboard</legend>
        <Field
          label={LABELS.clearAfterSeconds}
          error={errorFor('clearAfterSeconds')}
          hint={`In seconds, from ${CLEAR_MIN} to ${CLEAR_MAX}. Keyhold clears a copied key then, and when the vault locks — only if the clipboard still holds it.`}
        >
          {(p) => (
            <span className="with-unit">
              <input {...p} type="number" inputMode="numeric" min={CLEAR_MIN} max={CLEAR_MAX} step={1} value={clearAfter} onChange={(e) => setClearAfter(e.target.value)} />
              <span aria-hidden="true">seconds</span>
            </span>
          )}
        </Field>
      </fieldset>
      <fieldset className="settings-group" aria-describedby="threadeo-unconfirmed">
        <legend>Threadeo</legend>
        <p className="unconfirmed" id="threadeo-unconfirmed">
          <strong>Request shape unconfirmed</strong> — check against your provider’s documentation.
        </p>
        {text('threadeoBaseUrl', 'Your Threadeo address with {tenant} where the subdomain goes, such as https://{tenant}.threadeo.com')}
        {text('threadeoCheckPath', 'The address Keyhold asks to check a token, such as /api/v1/me')}
      </fieldset>
      <fieldset className="settings-group">
        <legend>ThreatSTOP</legend>
        {text('threatstopBaseUrl', 'The REST API address, such as https://rest.threatstop.com/v4.0')}
      </fieldset>
      <fieldset className="settings-group" aria-describedby="spreeflo-unconfirmed">
        <legend>Spreeflo</legend>
        <p className="unconfirmed" id="spreeflo-unconfirmed">
          <strong>Request shape unconfirmed</strong> — check against your provider’s documentation.
        </p>
        {text('spreefloBaseUrl', 'The API address, such as https://api.spreeflo.com/v1')}
        {text('spreefloCheckPath', 'The address Keyhold asks to check a key, such as /ping')}
        <Field label={SETTINGS_LABELS.spreefloAuth} error={errorFor('spreefloAuth')}>
          {(p) => (
            <select {...p} value={v.spreefloAuth} onChange={(e) => set('spreefloAuth')(e.target.value as SpreefloAuth)}>
              {Object.entries(SPREEFLO_AUTH_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      {error?.field === 'form' && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  )
}

/** How long a copied key stays on the clipboard, and where each provider's API is (real endpoints, or test servers). */
export function SettingsDialog() {
  const open = useStore(selectDialog) === 'settings'
  const settings = useStore(selectSettings)
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
      description="How long a copied key stays on the clipboard, and where Keyhold sends each provider’s check. Change the addresses only if your provider gave you another one, or to use a test server."
    >
      {open &&
        (loadError ? (
          <p className="form-error" role="alert">
            {loadError}
          </p>
        ) : settings ? (
          <SettingsForm initial={settings} onDone={closeDialog} />
        ) : (
          <p className="muted">Loading the settings…</p>
        ))}
    </Modal>
  )
}
