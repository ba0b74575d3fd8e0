import { useState } from 'react'
import type { CaptureResult } from '../../../../electron/shared/dto'
import type { SecretDescriptor } from '../../../../electron/shared/providers/descriptor'
import { errorOf } from '../../api/client'
import { captureWarnings, pastedSummary } from '../../clipboard-ui'
import { MASKED_SECRET } from '../../providers-ui'
import { useApi } from '../../store/store'

/** What the window keeps of a pasted secret: its shape, never its value (core holds that). */
export type CaptureShape = Omit<CaptureResult, 'captureId'>

interface CaptureStepProps {
  secret: SecretDescriptor
  shape: CaptureShape | null
  captureId: string | null
  onCaptured: (captureId: string | null, shape: CaptureShape | null) => void
}

/**
 * "Paste from clipboard": core reads the clipboard, keeps the value under an id, and empties the
 * clipboard; a second paste replaces the first (which core lets go of).
 */
export function CaptureStep({ secret, shape, captureId, onCaptured }: CaptureStepProps) {
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function paste() {
    setBusy(true)
    setError(null)
    try {
      const { captureId: next, ...rest } = await api.call('keyhold:clipboard.capture')
      if (captureId) await api.call('keyhold:clipboard.discard', { captureId })
      onCaptured(next, rest)
    } catch (err) {
      setError(errorOf(err).message)
    } finally {
      setBusy(false)
    }
  }
  const warnings = shape ? captureWarnings({ ...shape, captureId: captureId ?? '' }) : []
  return (
    <div className="capture-step">
      <button type="button" className={shape ? undefined : 'primary'} onClick={() => void paste()} disabled={busy}>
        {busy ? 'Reading the clipboard…' : shape ? 'Paste again' : 'Paste from clipboard'}
      </button>
      {shape && captureId && (
        <div className="capture-summary" role="status">
          <p className="capture-line">
            <span className="capture-mask" aria-hidden="true">
              {MASKED_SECRET}
            </span>{' '}
            <span>
              {secret.label} {pastedSummary({ ...shape, captureId }).toLowerCase()}
            </span>
          </p>
          {warnings.length > 0 ? (
            <ul className="shape-check">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : (
            <p className="shape-ok">No stray spaces or hidden characters.</p>
          )}
          <p className="hint">The clipboard was emptied. The {secret.noun} stays inside Keyhold, encrypted when saved.</p>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
