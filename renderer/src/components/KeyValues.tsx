import { Eye, EyeOff } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import type { KeyDetail } from '../../../electron/shared/dto'
import { errorOf } from '../api/client'
import { useSecondsLeft } from '../clipboard-ui'
import { MASKED_SECRET, secretNoun, useProvider } from '../providers-ui'
import { useApi, useStore } from '../store/store'
import { CopyButton } from './CopyButton'
import { CopyStatus } from './CopyStatus'

interface Revealed {
  readonly value: string
  readonly until: number
}

/**
 * The secret, masked, with Show and Copy. "Show" asks core for the value and keeps it here, in this
 * component's own state and nowhere else, for the seconds core gives (20); then, on Hide, on
 * unmount (another key chosen, the vault locked) it is dropped and the mask is back.
 */
export function SecretValue({ detail }: { detail: KeyDetail }) {
  const noun = secretNoun(useProvider(detail.provider))
  const api = useApi()
  const announce = useStore((s) => s.announce)
  const [revealed, setRevealed] = useState<Revealed | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const mounted = useRef(false)
  const seconds = useSecondsLeft(revealed?.until ?? null)

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  useEffect(() => {
    if (!revealed) return
    const timer = setTimeout(() => {
      setRevealed(null)
      announce(`The ${noun} is hidden again.`)
    }, Math.max(0, revealed.until - Date.now()))
    return () => clearTimeout(timer)
  }, [revealed, announce, noun])

  async function show() {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const result = await api.call('keyhold:keys.reveal', { id: detail.id, field: 'secret' })
      // Closed meanwhile: the answer is dropped here, never kept.
      if (!mounted.current) return
      setRevealed({ value: result.value, until: Date.now() + result.hideAfterSeconds * 1000 })
      announce(`The ${noun} is shown for ${result.hideAfterSeconds} seconds.`)
    } catch (err) {
      if (mounted.current) setError(errorOf(err).message)
    } finally {
      if (mounted.current) setBusy(false)
    }
  }

  return (
    <div className="key-value">
      {revealed ? (
        <span className="value-line">
          {/* Selectable, but not a live region: a screen reader reads it only when asked. */}
          <code className="revealed-value" aria-live="off">
            {revealed.value}
          </code>
          <span className="reveal-countdown">Hides in {seconds} s</span>
        </span>
      ) : (
        <span className="value-line masked">
          <span aria-hidden="true">{MASKED_SECRET}</span>
          <span className="visually-hidden">Hidden</span>
        </span>
      )}
      <span className="value-actions">
        <button
          type="button"
          aria-label={revealed ? `Hide ${noun}` : `Show ${noun}`}
          aria-disabled={busy || undefined}
          onClick={() => (revealed ? setRevealed(null) : void show())}
        >
          {revealed ? <EyeOff className="button-icon" size={16} aria-hidden="true" focusable="false" /> : <Eye className="button-icon" size={16} aria-hidden="true" focusable="false" />}
          <span className="button-label">{revealed ? 'Hide' : 'Show'}</span>
        </button>
        <CopyButton keyId={detail.id} field="secret" label={`Copy ${noun}`} />
      </span>
      <CopyStatus keyId={detail.id} field="secret" />
      {error && <p className="copy-status copy-error">{error}</p>}
    </div>
  )
}

/** A field its provider marks copyable (an identifier such as an API key): shown as it is, copied through core like the secret. */
export function CopyableValue({ keyId, field, label, value }: { keyId: string; field: string; label: string; value: string }) {
  return (
    <div className="key-value">
      <span className="value-line">{value}</span>
      <span className="value-actions">
        <CopyButton keyId={keyId} field={field} label={`Copy ${label}`} />
      </span>
      <CopyStatus keyId={keyId} field={field} />
    </div>
  )
}
