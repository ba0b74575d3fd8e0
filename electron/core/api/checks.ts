import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

export function checksApi({ vault, checks, providers }: ApiDeps): Implementations<
  'keyhold:keys.check' | 'keyhold:keys.history' | 'keyhold:checks.start' | 'keyhold:checks.cancel'
> {
  return {
    'keyhold:keys.check': ({ id }) => checks.checkOne(id),
    'keyhold:keys.history': ({ id }) => {
      const { details } = vault.keys().get(id)
      return vault
        .checks()
        .history(id)
        .map((c) => ({ ...c, sentence: providers.sentence(c.outcome, details) }))
    },
    'keyhold:checks.start': (input) => checks.start(input?.ids),
    'keyhold:checks.cancel': ({ runId }) => ({ cancelled: checks.cancel(runId) }),
  }
}
