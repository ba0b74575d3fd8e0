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
    void shareCodeFingerprint(pasted).then((f) => {
      if (current) setFingerprint(f)
    })
    return () => {
      current = false
    }
  }, [pasted])
  return fingerprint
}
