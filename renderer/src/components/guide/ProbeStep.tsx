import { useEffect, useRef, useState } from 'react'
import type { ProbeInput, ProbeResult } from '../../../../electron/shared/dto'
import { errorOf } from '../../api/client'
import { useApi } from '../../store/store'
import { OutcomeBadge } from '../OutcomeBadge'

/** How the person answered "the pasted key has stray spaces": remove them, or keep it as it is. */
export type SecretChoice = 'trim' | 'keep' | null

export const secretChoiceInput = (choice: SecretChoice) => (choice === 'trim' ? { trimSecret: true } : choice === 'keep' ? { keepSecretAsIs: true } : {})

/** A probe that proves the key works, or at least does not prove it wrong, lets the flow go on. */
export function probeBlocked(result: ProbeResult | null): string | null {
  if (!result) return 'Wait for the check to finish.'
  if (result.outcome === 'invalid' || result.outcome === 'expired') return 'The provider refused this key. Go back and paste the right one, or generate a new one.'
  return null
}

interface ProbeStepProps {
  input: Omit<ProbeInput, 'keepSecretAsIs' | 'trimSecret'>
  result: ProbeResult | null
  choice: SecretChoice
  onResult: (result: ProbeResult | null, choice: SecretChoice) => void
}

/** Checks the pasted key against its provider at once, before anything is saved. */
export function ProbeStep({ input, result, choice, onResult }: ProbeStepProps) {
  const api = useApi()
  const [error, setError] = useState<{ message: string; code: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const started = useRef(false)

  async function probe(answer: SecretChoice = choice) {
    setBusy(true)
    setError(null)
    try {
      onResult(await api.call('keyhold:keys.probe', { ...input, ...secretChoiceInput(answer) }), answer)
    } catch (err) {
      const e = errorOf(err)
      setError({ message: e.message, code: e.code })
      onResult(null, answer)
    } finally {
      setBusy(false)
    }
  }

  // The step checks as soon as it shows (once): the person pressed Next to get here.
  useEffect(() => {
    if (started.current || result) return
    started.current = true
    void probe()
  })

  return (
    <div className="probe-step" aria-busy={busy}>
      {busy && <p role="status">Checking with the provider…</p>}
      {result && !busy && (
        <div role="status" className="probe-result">
          <OutcomeBadge outcome={result.outcome} />
          <p>{result.sentence}</p>
          {result.detail && <p className="muted">{result.detail}</p>}
          {result.outcome !== 'valid' && result.outcome !== 'limited' && probeBlocked(result) === null && (
            <p className="hint">Keyhold could not confirm the key works. You can still save it and check it again later.</p>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {error?.code === 'SECRET_WHITESPACE' && (
        <div className="choice-row">
          <button type="button" onClick={() => void probe('trim')}>
            Remove them
          </button>
          <button type="button" onClick={() => void probe('keep')}>
            Keep the key exactly as pasted
          </button>
        </div>
      )}
      {!busy && (result || error) && (
        <button type="button" onClick={() => void probe()}>
          Check again
        </button>
      )}
    </div>
  )
}
