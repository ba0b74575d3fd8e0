import { useEffect, useRef, useState } from 'react'
import type { RevocationResult } from '../../../../electron/shared/dto'
import { errorOf } from '../../api/client'
import { useSecondsLeft } from '../../clipboard-ui'
import { useApi } from '../../store/store'
import { revokedOn, Verdict } from '../RevokeDialog'
import { nextVerifyDelayMs } from './verify-backoff'

interface RotationVerifyProps {
  oldId: string
  revokedAt: number | null
  onConfirmed: (revokedAt: number) => void
}

/**
 * Checks the old key until the provider refuses it, waiting longer each time (stoppable, and
 * resumed where it was when the dialog opens again): only then is the old key archived.
 */
export function RotationVerify({ oldId, revokedAt, onConfirmed }: RotationVerifyProps) {
  const api = useApi()
  const [result, setResult] = useState<RevocationResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [stopped, setStopped] = useState(false)
  const [nextAt, setNextAt] = useState<number | null>(null)
  const attempts = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const secondsLeft = useSecondsLeft(nextAt)

  async function verify() {
    clearTimeout(timer.current)
    setNextAt(null)
    setBusy(true)
    setError(null)
    try {
      const answer = await api.call('keyhold:keys.verifyRevoked', { id: oldId })
      setResult(answer)
      if (answer.verdict === 'confirmed' && answer.revokedAt !== null) return onConfirmed(answer.revokedAt)
    } catch (err) {
      setError(errorOf(err).message)
    } finally {
      setBusy(false)
    }
    const wait = nextVerifyDelayMs(attempts.current++)
    setNextAt(Date.now() + wait)
    timer.current = setTimeout(() => void verify(), wait)
  }

  useEffect(() => {
    if (revokedAt === null && !stopped) void verify()
    return () => clearTimeout(timer.current)
    // Once per showing, and again on Resume (`stopped` turning false).
  }, [stopped])

  if (revokedAt !== null) {
    return (
      <div role="status" className="revoke-confirmed">
        <p>
          <strong>{revokedOn(revokedAt)}</strong>
        </p>
        <p>The provider refuses the old key, and its secret was wiped from the vault. The new key has taken its place.</p>
      </div>
    )
  }

  return (
    <div className="rotation-verify">
      {busy && <p role="status">Checking the old key…</p>}
      {result && !busy && <Verdict result={result} onAgain={() => void verify()} busy={busy} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!stopped && nextAt !== null && <p className="hint">Checking again in {secondsLeft} s. You can close this window: the rotation waits here until you come back.</p>}
      <div className="choice-row">
        {stopped ? (
          <button type="button" onClick={() => setStopped(false)}>
            Resume checking
          </button>
        ) : (
          <button
            type="button"
            onClick={() => {
              clearTimeout(timer.current)
              setNextAt(null)
              setStopped(true)
            }}
          >
            Stop checking
          </button>
        )}
      </div>
    </div>
  )
}
