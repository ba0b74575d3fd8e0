import { useState } from 'react'
import type { KeyDetail, ShareRecorded } from '../../../../electron/shared/dto'
import type { ProviderDescriptor } from '../../../../electron/shared/providers/descriptor'
import { recordsShares } from '../../../../electron/shared/shares'
import { errorOf } from '../../api/client'
import { shareLine } from '../../share-ui'
import { useStore } from '../../store/store'
import { WarningNote } from '../guide/GuideStepBody'

/**
 * Who the key was shared with at the provider: "Shared with …" while it is, "Was shared with …"
 * after an unshare until the key is revoked (an unshare does not cut anyone off), and the
 * provider's warning at the moment an unshare is recorded.
 */
export function ShareRecords({ detail, descriptor, revoked }: { detail: KeyDetail; descriptor: ProviderDescriptor | undefined; revoked: boolean }) {
  const recordUnshare = useStore((s) => s.recordUnshare)
  const [ended, setEnded] = useState<ShareRecorded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  if (detail.shares.length === 0) return null
  const canUnshare = !revoked && descriptor !== undefined && recordsShares(descriptor)
  async function unshare(shareId: string) {
    setBusy(shareId)
    setError(null)
    try {
      setEnded(await recordUnshare(detail.id, shareId))
    } catch (err) {
      setError(errorOf(err).message)
    } finally {
      setBusy(null)
    }
  }
  return (
    <section className="share-records" aria-label="Shares">
      <h3>Shares</h3>
      <ul>
        {detail.shares.map((share) => (
          <li key={share.shareId}>
            <span>{shareLine(share, revoked)}</span>
            {canUnshare && share.unsharedAt === undefined && (
              <button type="button" disabled={busy !== null} aria-label={`Record that it is no longer shared with ${share.with}`} onClick={() => void unshare(share.shareId)}>
                {busy === share.shareId ? 'Recording…' : 'Record unshare'}
              </button>
            )}
          </li>
        ))}
      </ul>
      {ended && !revoked && ended.warnings.map((w) => <WarningNote key={w.title} warning={w} />)}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
