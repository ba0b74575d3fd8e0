import { OUTCOME_SENTENCES, type Outcome } from '../../shared/checks'
import type { ProviderDetailsInput, ProviderDetailsValue, ProviderSettings } from '../../shared/dto'
import { custom } from '../../shared/providers/custom'
import { ProviderRegistry } from '../../shared/providers/registry'
import { spreeflo } from '../../shared/providers/spreeflo'
import { threadeo } from '../../shared/providers/threadeo'
import { threatstop } from '../../shared/providers/threatstop'
import { KeyholdError } from '../errors'
import type { CheckTarget, Classification, ProviderResponse } from './profile'
import { defaultRevocationVerdict, definePlugin, type ImportedKey, type ProviderCheck, type ProviderPlugin, type RevocationVerdict } from './provider-check'
import { customProfile } from './custom'
import { spreefloProfile } from './spreeflo'
import { threadeoProfile } from './threadeo'
import { threatstopProfile } from './threatstop'

/** The providers Keyhold ships with: each descriptor beside its check. */
export const BUILT_IN_PLUGINS: readonly ProviderPlugin[] = [
  definePlugin(threadeo, threadeoProfile),
  definePlugin(threatstop, threatstopProfile),
  definePlugin(spreeflo, spreefloProfile),
  definePlugin(custom, customProfile),
]

/**
 * Core's view of the registered providers: the shared registry (schemas, defaults, labels) and
 * each provider's check. A host passes the plugins it registers; the built-ins by default.
 */
export class CoreProviders {
  readonly registry: ProviderRegistry
  private readonly checks: ReadonlyMap<string, ProviderCheck>

  constructor(plugins: readonly ProviderPlugin[] = BUILT_IN_PLUGINS) {
    this.registry = new ProviderRegistry(plugins.map((p) => p.descriptor))
    this.checks = new Map(plugins.map((p) => [p.descriptor.id, p.check]))
  }

  private checkOf(providerId: string): ProviderCheck {
    const check = this.checks.get(providerId)
    if (!check) throw new KeyholdError('INVALID_INPUT', { field: 'details.provider', message: 'This key’s provider is not available in this version of Keyhold.' })
    return check
  }

  request(details: ProviderDetailsValue, secret: string, settings: ProviderSettings): CheckTarget {
    return this.checkOf(details.provider).request(details, secret, settings[details.provider] ?? {})
  }

  classify(response: ProviderResponse, details: ProviderDetailsValue): Classification {
    return this.checkOf(details.provider).classify(response, details)
  }

  /** The details of a key from another app, from the first provider that recognises it; undefined when none does. */
  recogniseImport(seen: ImportedKey): ProviderDetailsInput | undefined {
    for (const check of this.checks.values()) {
      const details = check.recogniseImport?.(seen)
      if (details) return details
    }
    return undefined
  }

  sentence(outcome: Outcome, details: ProviderDetailsValue): string {
    return this.checks.get(details.provider)?.sentence(outcome, details) ?? defaultSentence(outcome)
  }

  revocation(details: ProviderDetailsValue, outcome: Outcome, workedBefore: boolean): RevocationVerdict {
    const check = this.checks.get(details.provider)
    return check?.revocation?.(outcome, workedBefore) ?? defaultRevocationVerdict(outcome)
  }

  /** The provider's own reason a revocation counts as confirmed, if its answer needs one. */
  revokedReason(details: ProviderDetailsValue, outcome: Outcome): string | undefined {
    return this.checks.get(details.provider)?.revokedReason?.(outcome)
  }
}

function defaultSentence(outcome: Outcome): string {
  return OUTCOME_SENTENCES[outcome]
}
