import type { ZxcvbnFactory } from '@zxcvbn-ts/core'
import type { PasswordAssessment } from '../../shared/dto'
import { BUILT_IN_PROVIDERS } from '../../shared/providers/registry'

/** A master password guards every key; below this it is refused. NIST 800-63B-4 asks for ≥ 15 for single-factor passwords. */
export const MIN_PASSWORD_LENGTH = 12
/**
 * zxcvbn's top score: at least 10^10 guesses. The vault file can be attacked offline, where
 * score 3 (10^8) falls to a GPU rig in about a day even at Argon2id's cost.
 */
export const MIN_PASSWORD_SCORE = 4
export { MAX_PASSWORD_LENGTH } from '../../shared/schemas/vault'
import { MAX_PASSWORD_LENGTH } from '../../shared/schemas/vault'
// zxcvbn's matching grows quickly with length and the score saturates long before this.
const ESTIMATE_PREFIX = 128

// Words an attacker targeting a Keyhold vault would try first: ours, and the providers' names.
const APP_WORDS = ['keyhold', 'vault', 'master', 'password', 'apikey', ...BUILT_IN_PROVIDERS.flatMap((p) => [p.id, p.label.toLowerCase()])]

// The dictionaries weigh ~28 MB once loaded: they are loaded when a password is first assessed
// (creating a vault or changing its password), not by every process that merely unlocks.
let estimator: Promise<ZxcvbnFactory> | undefined
function getEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  )
  return estimator
}

export async function assessPassword(password: string): Promise<PasswordAssessment> {
  const normalized = password.normalize('NFKC')
  const result = (await getEstimator()).check(normalized.slice(0, ESTIMATE_PREFIX), APP_WORDS)
  const score = result.score
  const suggestions = result.feedback.suggestions.filter((s): s is string => typeof s === 'string')
  const length = [...normalized].length
  let reason = ''
  if (length < MIN_PASSWORD_LENGTH) {
    reason = `Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}).`
  } else if (length > MAX_PASSWORD_LENGTH) {
    reason = `Use at most ${MAX_PASSWORD_LENGTH} characters.`
  } else if (score < MIN_PASSWORD_SCORE) {
    const warning = typeof result.feedback.warning === 'string' ? result.feedback.warning : ''
    reason = `This password would be easy to guess.${warning ? ` ${warning}` : ''} Try a few unrelated words together.`
  }
  return { score, acceptable: reason === '', reason, suggestions }
}
