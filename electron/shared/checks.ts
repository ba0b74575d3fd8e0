/**
 * The one vocabulary for what a check found (DESIGN.md, "Providers and checks"), used by core,
 * the store, the window and the tests alike.
 */
export const OUTCOMES = ['valid', 'limited', 'invalid', 'expired', 'blocked', 'unknown', 'misconfigured'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** The general sentence for each outcome; profiles may say something more specific. */
export const OUTCOME_SENTENCES: Readonly<Record<Outcome, string>> = {
  valid: 'Works',
  limited: 'Works, but not for this service or plan — check the key’s permissions',
  invalid: 'Rejected: revoked or wrong',
  expired: 'Expired',
  blocked: 'Could not be confirmed from this network: the key may be limited to other networks, or it may be wrong',
  unknown: 'Could not be checked right now — try again later',
  misconfigured: 'Could not be checked: the address or request is wrong — check the provider settings',
}

/** Short labels for badges and filters. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  valid: 'Works',
  limited: 'Limited',
  invalid: 'Rejected',
  expired: 'Expired',
  blocked: 'Blocked?',
  unknown: 'Couldn’t tell',
  misconfigured: 'Check settings',
}

export type OutcomeCounts = Readonly<Record<Outcome, number>>

/**
 * The one plain next step for each outcome, naming the provider where the step is taken there.
 * Every place that reports an outcome (a row, a key's page, its history, the activity log, the
 * announcement after a check) says it as `outcomeLine` does, so the words never differ.
 */
export const OUTCOME_NEXT_STEPS: Readonly<Record<Outcome, (provider: string) => string>> = {
  valid: () => 'nothing to do',
  limited: (provider) => `check what the key may do in ${provider}`,
  invalid: (provider) => `revoke it in ${provider} and add a new key`,
  expired: (provider) => `add a new key from ${provider} in its place`,
  blocked: () => 'check it again from a network the key is allowed on',
  unknown: () => 'try again later',
  misconfigured: () => 'correct the provider’s address in Settings',
}

/** "Rejected — revoke it in <provider> and add a new key": the label and its next step. */
export function outcomeLine(outcome: Outcome, provider: string): string {
  return `${OUTCOME_LABELS[outcome]} — ${OUTCOME_NEXT_STEPS[outcome](provider)}`
}
