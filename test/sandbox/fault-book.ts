import { SandboxInputError } from './errors'
import { faultRulesSchema } from './schemas'
import type { Fault, FaultRule } from './types'

interface RuleUse {
  readonly rule: FaultRule
  used: number
  readonly usedByKey: Map<string, number>
}

/**
 * The active fault rules. The first rule with uses left applies, so a list reads as a script:
 * `[{ 503, times: 2 }, { latency }]` is "two failures, then slow answers".
 */
export class FaultBook {
  #uses: RuleUse[] = []
  readonly #canRedirect: boolean

  /** `canRedirect` is false when the sandbox was started with no catcher to redirect to. */
  constructor(canRedirect: boolean) {
    this.#canRedirect = canRedirect
  }

  set(rules: FaultRule[]): void {
    const parsed = faultRulesSchema.parse(rules)
    if (!this.#canRedirect && parsed.some((r) => r.fault.kind === 'redirect')) {
      throw new SandboxInputError('a redirect fault needs a sandbox started with a catcherUrl')
    }
    this.#uses = parsed.map((rule) => ({ rule, used: 0, usedByKey: new Map() }))
  }

  /**
   * The fault for this request, counting it against its rule; undefined means answer normally.
   * `secrets` are the values the request could authenticate with, for rules bound to one key.
   */
  take(credential: string, secrets: readonly string[] = []): Fault | undefined {
    for (const use of this.#uses) {
      const { times, perKey, secret } = use.rule
      if (secret !== undefined && !secrets.includes(secret)) continue
      if (perKey === true) {
        const used = use.usedByKey.get(credential) ?? 0
        if (times !== undefined && used >= times) continue
        use.usedByKey.set(credential, used + 1)
      } else {
        if (times !== undefined && use.used >= times) continue
        use.used += 1
      }
      return use.rule.fault
    }
    return undefined
  }
}
