import { Copy } from 'lucide-react'
import { useEffect, useState } from 'react'
import type { SharingCode } from '../../../../electron/shared/sharing'
import { errorOf } from '../../api/client'
import { useApi } from '../../store/store'

/**
 * Settings' "Your sharing code": what another Keyhold encrypts a share file to. It is public (it
 * opens nothing), so the window may hold and copy it; its fingerprint is what two people compare
 * aloud, so a code swapped on the way is caught.
 */
export function SharingCodeSetting() {
  const api = useApi()
  const [code, setCode] = useState<SharingCode | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null)

  useEffect(() => {
    let current = true
    api.call('keyhold:share.code').then(
      (found) => current && setCode(found),
      (err: unknown) => current && setError(errorOf(err).message),
    )
    return () => {
      current = false
    }
  }, [api])

  const copy = async () => {
    if (!code) return
    try {
      await navigator.clipboard.writeText(code.code)
      setCopied('copied')
    } catch {
      setCopied('failed')
    }
  }

  return (
    <fieldset className="settings-group">
      <legend>Your sharing code</legend>
      <p className="hint">Give it to someone who wants to send you a key from their Keyhold. It opens nothing by itself; only this vault can open what is sent to it.</p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : code ? (
        <>
          <p className="revealed-value share-code" aria-label="Sharing code">
            {code.code}
          </p>
          <p>
            Fingerprint <strong className="share-fingerprint">{code.fingerprint}</strong> — when they paste your code, they read theirs out to you; it must be this one.
          </p>
          <div className="value-actions">
            <button type="button" onClick={() => void copy()}>
              <Copy className="button-icon" size={16} aria-hidden="true" focusable="false" />
              Copy code
            </button>
          </div>
          {copied && (
            <p className={copied === 'copied' ? 'copy-status copied' : 'copy-status copy-error'} role="status">
              {copied === 'copied' ? 'Sharing code copied.' : 'The code could not be copied here. Select it above and copy it.'}
            </p>
          )}
        </>
      ) : (
        <p className="muted">Loading your sharing code…</p>
      )}
    </fieldset>
  )
}
