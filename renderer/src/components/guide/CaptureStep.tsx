import { useState } from 'react'
import type { CaptureResult, ProbeResult } from '../../../../electron/shared/dto'
import type { SecretDescriptor } from '../../../../electron/shared/providers/descriptor'
import { errorOf } from '../../api/client'
import { captureWarnings, pastedSummary } from '../../clipboard-ui'
import { MASKED_SECRET } from '../../providers-ui'
import { useApi } from '../../store/store'
import type { WizardContext } from '../Wizard'
import type { SecretChoice } from './ProbeStep'

/** What the window keeps of a pasted secret: its shape, never its value (core holds that). */
export type CaptureShape = Omit<CaptureResult, 'captureId'>

/** A pasted secret's mask, length and shape checks: what the person can see of it. */
export function CaptureShapeLines({ shape, label }: { shape: CaptureShape; label?: string }) {
  const warnings = captureWarnings({ ...shape, captureId: '' })
  const summary = pastedSummary({ ...shape, captureId: '' })
  return (
    <>
      <p className="capture-line">
        <span className="capture-mask" aria-hidden="true">
          {MASKED_SECRET}
        </span>{' '}
        <span>{label ? `${label} ${summary.toLowerCase()}` : summary}</span>
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
    </>
  )
}

/** The values a guided flow keeps about its pasted secret and the check of it. */
export interface CapturedValues {
  capture: CaptureShape | null
  probe: ProbeResult | null
  secretChoice: SecretChoice
}

/** The capture step of a guided flow: a new paste makes the earlier check and answer stale. */
export function WizardCapture<V extends CapturedValues & Record<string, unknown>>({ ctx, secret }: { ctx: WizardContext<V>; secret: SecretDescriptor }) {
  return (
    <CaptureStep
      secret={secret}
      shape={ctx.values.capture}
      captureId={ctx.captureId}
      onCaptured={(id, shape) => {
        ctx.setCaptureId(id)
        ctx.setValues({ capture: shape, probe: null, secretChoice: null } as Partial<V>)
      }}
    />
  )
}

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
  return (
    <div className="capture-step">
      <button type="button" className={shape ? undefined : 'primary'} onClick={() => void paste()} disabled={busy}>
        {busy ? 'Reading the clipboard…' : shape ? 'Paste again' : 'Paste from clipboard'}
      </button>
      {shape && captureId && (
        <div className="capture-summary" role="status">
          <CaptureShapeLines shape={shape} label={secret.label} />
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
