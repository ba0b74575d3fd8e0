import { useEffect, useState } from 'react'
import type { PasswordAssessment } from '../../../electron/shared/dto'
import { useApi } from '../store/store'

const WORDS = ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'] as const

/** Asks core how guessable the password is as it is typed (debounced), and shows why. */
export function StrengthMeter({ password, id }: { password: string; id: string }) {
  const [assessment, setAssessment] = useState<PasswordAssessment | null>(null)
  const api = useApi()
  useEffect(() => {
    if (password === '') {
      setAssessment(null)
      return
    }
    let current = true
    const timer = setTimeout(() => {
      api.call('keyhold:vault.assessPassword', { password })
        .then((a) => current && setAssessment(a))
        .catch(() => current && setAssessment(null))
    }, 120)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [password, api])

  const score = assessment?.score ?? 0
  return (
    <div className="strength" id={id} aria-live="polite">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={assessment ? score : 0} aria-label="Password strength" />
      <p className={assessment?.acceptable ? 'strength-ok' : 'strength-weak'}>
        {assessment
          ? assessment.acceptable
            ? `${WORDS[score]}: good to use.`
            : `${WORDS[score]}. ${assessment.reason}`
          : 'Use at least 12 characters: a few unrelated words work well.'}
      </p>
    </div>
  )
}
