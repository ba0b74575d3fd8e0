import type { Outcome } from '../../../electron/shared/checks'
import type { LastCheck } from '../../../electron/shared/dto'
import { OUTCOME_LABELS } from '../../../electron/shared/checks'
import { exactTime, NEVER_CHECKED, relativeTime } from '../checks-ui'
import { selectNow } from '../store/selectors'
import { useStore } from '../store/store'

// One shape per outcome, so the badge never relies on colour alone.
const ICON_PATHS: Readonly<Record<Outcome | 'never', string>> = {
  valid: 'M3 8.5l3.2 3.2L13 4.8',
  limited: 'M8 2.5a5.5 5.5 0 1 0 0 11M8 2.5v11M8 2.5a5.5 5.5 0 0 1 0 11',
  invalid: 'M4 4l8 8M12 4l-8 8',
  expired: 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11M8 5v3.2l2.2 1.6',
  blocked: 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11M4.1 4.1l7.8 7.8',
  unknown: 'M5.8 6a2.3 2.3 0 1 1 3.3 2.1c-.7.4-1.1.9-1.1 1.6v.4M8 12.6v.4',
  misconfigured: 'M2.5 5h7M12.5 5h1M2.5 11h1M6.5 11h7M11 3.5v3M5 9.5v3',
  never: 'M5 8h.01M8 8h.01M11 8h.01',
}

function OutcomeIcon({ outcome }: { outcome: Outcome | 'never' }) {
  return (
    <svg className="outcome-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[outcome]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** The outcome's label with its icon and colour; "Not checked yet" for a key never checked. */
export function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  const key = outcome ?? 'never'
  return (
    <span className={`outcome-badge outcome-${key}`}>
      <OutcomeIcon outcome={key} />
      {outcome ? OUTCOME_LABELS[outcome] : NEVER_CHECKED}
    </span>
  )
}

/** "checked 3 min ago", redrawn each minute; the exact time as a tooltip and for screen readers. */
export function CheckedAt({ at, prefix = 'checked ' }: { at: number; prefix?: string }) {
  const now = useStore(selectNow)
  const exact = exactTime(at)
  return (
    <time className="checked-at" dateTime={new Date(at).toISOString()} title={exact}>
      {prefix}
      {relativeTime(at, now)}
      <span className="visually-hidden"> ({exact})</span>
    </time>
  )
}

/** A key's latest check: badge, the provider-specific sentence and when. */
export function CheckStatus({ lastCheck, compact = false }: { lastCheck: LastCheck | null; compact?: boolean }) {
  if (!lastCheck) {
    return (
      <span className={compact ? 'check-status compact' : 'check-status'}>
        <OutcomeBadge outcome={null} />
      </span>
    )
  }
  // "Works" says it all; repeating it as the sentence would only be noise.
  const sentence = lastCheck.sentence === OUTCOME_LABELS[lastCheck.outcome] ? null : lastCheck.sentence
  if (compact) {
    return (
      <span className="check-status compact">
        <OutcomeBadge outcome={lastCheck.outcome} />
        <span className="visually-hidden">. </span>
        {sentence && (
          <span className="check-sentence" title={sentence}>
            {sentence}
            <span className="visually-hidden">. </span>
          </span>
        )}
        <CheckedAt at={lastCheck.at} />
      </span>
    )
  }
  return (
    <div className="check-status">
      <OutcomeBadge outcome={lastCheck.outcome} />
      {sentence && <p className="check-sentence">{sentence}</p>}
      <CheckedAt at={lastCheck.at} />
    </div>
  )
}
