import { useCallback, useEffect, useRef, useState } from 'react'
import type { KeychainStatus } from '../../../electron/shared/dto'
import { useApi } from '../store/store'

/**
 * Whether this vault can be, and is, unlocked with the system keychain: asked by the component
 * that shows the option, and again after each change. Only booleans and a sentence come back;
 * the key itself stays in core. null until the first answer (or when it could not be asked).
 */
export function useKeychainStatus(): { status: KeychainStatus | null; reload: () => Promise<void>; set: (status: KeychainStatus) => void } {
  const api = useApi()
  const [status, setStatus] = useState<KeychainStatus | null>(null)
  const mounted = useRef(true)
  const reload = useCallback(async () => {
    try {
      const next = await api.call('keyhold:vault.keychainStatus')
      if (mounted.current) setStatus(next)
    } catch {
      // Not knowing is the same as not offering it: the password always works.
      if (mounted.current) setStatus(null)
    }
  }, [api])
  useEffect(() => {
    mounted.current = true
    void reload()
    return () => {
      mounted.current = false
    }
  }, [reload])
  return { status, reload, set: setStatus }
}
