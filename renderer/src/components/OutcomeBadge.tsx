import { CalendarX, CircleCheck, CircleDashed, CircleHelp, CircleX, ShieldAlert, SlidersHorizontal, WifiOff, type LucideIcon } from 'lucide-react'
import type { Outcome } from '../../../electron/shared/checks'
import { OUTCOME_LABELS, OUTCOME_NEXT_STEPS, OUTCOME_SENTENCES } from '../../../electron/shared/checks'
import type { LastCheck } from '../../../electron/shared/dto'
import { exactTime, NEVER_CHECKED, relativeTime } from '../checks-ui'
import { formatDay, machineTime } from '../dates'
import { shownCheck, type ShownCheck } from '../list-views'
import { selectNow } from '../store/selectors'
import { useStore } from '../store/store'

// One shape per outcome, so the badge never relies on colour alone.
const ICONS: Readonly<Record<Outcome | 'never', LucideIcon>> = {
  valid: CircleCheck,
  limited: ShieldAlert,
  invalid: CircleX,
  expired: CalendarX,
  blocked: WifiOff,
  unknown: CircleHelp,
  misconfigured: SlidersHorizontal,
  never: CircleDashed,
}

/** The outcome's label with its icon and colour; "Not checked yet" for a key never checked. */
export function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  const key = outcome ?? 'never'
  const Icon = ICONS[key]
  return (
    <span className={`outcome-badge outcome-${key}`}>
      <Icon className="outcome-icon" size={14} strokeWidth={2.25} aria-hidden="true" focusable="false" />
      {outcome ? OUTCOME_LABELS[outcome] : NEVER_CHECKED}
    </span>
  )
}

/** The outcome's next step, beside its badge: the same words wherever an outcome is shown. */
export function NextStep({ outcome, provider }: { outcome: Outcome; provider: string }) {
  return (
    <span className="next-step">
      <span className="visually-hidden"> — </span>
      {OUTCOME_NEXT_STEPS[outcome](provider)}
    </span>
  )
}

/** What the provider's own words add to the outcome's general meaning, if anything. */
export function providerSentence(outcome: Outcome, sentence: string | null): string | null {
  return sentence === null || sentence === OUTCOME_LABELS[outcome] || sentence === OUTCOME_SENTENCES[outcome] ? null : sentence
}

/** "checked 3 min ago", redrawn each minute; the exact time as a tooltip and for screen readers. */
export function CheckedAt({ at, prefix = 'checked ' }: { at: number; prefix?: string }) {
  const now = useStore(selectNow)
  const exact = exactTime(at)
  return (
    <time className="checked-at" dateTime={machineTime(at)} title={exact}>
      {prefix && <span className="checked-prefix">{prefix}</span>}
      {relativeTime(at, now)}
      <span className="visually-hidden"> ({exact})</span>
    </time>
  )
}

interface StatusProps {
  /** The key as the list has it: its last check and its expiry date. */
  entry: { readonly expiresOn: string | null; readonly lastCheck: LastCheck | null }
  /** The provider's name, for the next step ("revoke it in …"). */
  provider: string
}

/** When the status shown was found: "checked 3 min ago", or the expiry date a key is past. */
function StatusWhen({ entry, shown }: { entry: StatusProps['entry']; shown: ShownCheck }) {
  if (shown.at !== null) return <CheckedAt at={shown.at} />
  return (
    <span className="checked-at">
      <span className="checked-prefix">expiry date </span>
      {formatDay(entry.expiresOn ?? '')}
    </span>
  )
}

/** A row's status line: badge and next step, in one line that gives way at its end. */
export function RowStatus({ entry, provider }: StatusProps) {
  const shown = shownCheck(entry, useStore(selectNow))
  if (!shown) {
    return (
      <span className="check-status compact">
        <OutcomeBadge outcome={null} />
      </span>
    )
  }
  return (
    <span className="check-status compact">
      <OutcomeBadge outcome={shown.outcome} />
      <span className="check-line" title={OUTCOME_NEXT_STEPS[shown.outcome](provider)}>
        <NextStep outcome={shown.outcome} provider={provider} />
        <span className="visually-hidden">. </span>
      </span>
    </span>
  )
}

/** A row's "checked 3 min ago" (or expiry date), beside the key's name. */
export function RowWhen({ entry }: Pick<StatusProps, 'entry'>) {
  const shown = shownCheck(entry, useStore(selectNow))
  return shown ? <StatusWhen entry={entry} shown={shown} /> : null
}

/**
 * A key's status on its page: badge and next step, what the provider's answer adds, then when.
 * Past its expiry date a key is "Expired" at once, from the date alone, whatever a check said.
 */
export function CheckStatus({ entry, provider }: StatusProps) {
  const shown = shownCheck(entry, useStore(selectNow))
  if (!shown) {
    return (
      <span className="check-status">
        <OutcomeBadge outcome={null} />
      </span>
    )
  }
  const sentence = providerSentence(shown.outcome, shown.sentence)
  return (
    <div className="check-status">
      <p className="check-headline">
        <OutcomeBadge outcome={shown.outcome} /> <NextStep outcome={shown.outcome} provider={provider} />
      </p>
      {sentence && <p className="check-sentence">{sentence}</p>}
      <StatusWhen entry={entry} shown={shown} />
    </div>
  )
}
