import { useEffect, useState } from 'react'
import type { KeyLimits, KeyRef, ProviderDetailsInput } from '../../../../electron/shared/dto'
import { useApi } from '../../store/store'

/** Whether another key may be added with these limits: a provider may keep only so many secrets active per account. */
export const atSecretLimit = (limits: KeyLimits | null) => limits !== null && limits.activeSecrets !== null && limits.activeSecrets.keys.length >= limits.activeSecrets.max

const names = (keys: readonly KeyRef[]) => keys.map((k) => `“${k.name}”`).join(', ')

/**
 * The provider's rules about how many keys, asked of core as the details are typed: at the limit,
 * the offer is a rotation of a key already held, not a third token.
 */
export function useLimits(details: ProviderDetailsInput, excludeId?: string): KeyLimits | null {
  const api = useApi()
  const [limits, setLimits] = useState<KeyLimits | null>(null)
  const key = JSON.stringify(details)
  useEffect(() => {
    let current = true
    api
      .call('keyhold:keys.limits', { details: JSON.parse(key) as ProviderDetailsInput, ...(excludeId ? { excludeId } : {}) })
      .then((next) => current && setLimits(next))
      // Details still being typed may not parse: the notice waits for ones that do.
      .catch(() => current && setLimits(null))
    return () => {
      current = false
    }
  }, [api, key, excludeId])
  return limits
}

export function LimitsNotice({ limits, onRotate }: { limits: KeyLimits | null; onRotate?: (id: string) => void }) {
  if (!limits) return null
  const { activeSecrets, sameValue } = limits
  return (
    <>
      {activeSecrets && activeSecrets.keys.length >= activeSecrets.max && (
        <div className="warning warning-danger" role="alert">
          <strong>
            Keyhold already holds {activeSecrets.keys.length} active tokens for this API key: {names(activeSecrets.keys)}.
          </strong>{' '}
          <span>{activeSecrets.text} Rotate one of them instead of adding another.</span>
          {onRotate && (
            <div className="choice-row">
              {activeSecrets.keys.map((k) => (
                <button key={k.id} type="button" onClick={() => onRotate(k.id)}>
                  Rotate “{k.name}” instead
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      {activeSecrets && activeSecrets.keys.length > 0 && activeSecrets.keys.length < activeSecrets.max && (
        <p className="hint">
          Keyhold holds {activeSecrets.keys.length} of the {activeSecrets.max} active tokens this API key can have: {names(activeSecrets.keys)}.
        </p>
      )}
      {sameValue && sameValue.keys.length > 0 && (
        <div className="warning warning-caution" role="note">
          <strong>{sameValue.text}</strong> <span>Already serving it: {names(sameValue.keys)}.</span>
        </div>
      )}
    </>
  )
}
