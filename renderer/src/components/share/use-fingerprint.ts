import { useEffect, useState } from 'react'
import { looksLikeShareCode, shareCodeFingerprint } from '../../../../electron/shared/sharing'

/** The fingerprint of a pasted sharing code, worked out in the window as it is pasted; null until it looks like one. */
export function usePastedFingerprint(pasted: string): string | null {
  const [fingerprint, setFingerprint] = useState<string | null>(null)
  useEffect(() => {
    if (!looksLikeShareCode(pasted)) {
      setFingerprint(null)
      return
    }
    let current = true
    // Where Web Crypto is missing the hint stays as it is; core answers the fingerprint with the file.
    shareCodeFingerprint(pasted).then(
      (f) => current && setFingerprint(f),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [pasted])
  return fingerprint
}
