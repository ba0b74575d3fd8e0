import type { Outcome } from '../../electron/shared/checks'
import type { KeyMeta } from '../../electron/core/keys/record-codec'
import type { ProviderResponse } from '../../electron/core/providers/profile'
import { BUILT_IN_PLUGINS } from '../../electron/core/providers/registry'
import { builtInProviders, type BuiltInProviderId } from '../../electron/shared/providers'

// The profile tests drive each provider's check with a whole key and the settings flat, as they
// were written; this maps that onto each provider's check (details, and its own settings).
type FlatSettings = Readonly<Record<string, string>>

const flatDefaults: Record<string, string> = {}
for (const d of builtInProviders.descriptors) for (const f of d.settings.fields) if (f.legacyName) flatDefaults[f.legacyName] = f.default
export const DEFAULT_PROVIDER_SETTINGS: FlatSettings = flatDefaults

function settingsOf(id: string, flat: FlatSettings): Record<string, string> {
  const nested = builtInProviders.fromLegacySettings(flat)
  return { ...(builtInProviders.defaultSettings()[id] ?? {}), ...(nested[id] ?? {}) }
}

interface CompatProfile {
  target(meta: KeyMeta, secret: string, settings: FlatSettings): { url: string; headers: Readonly<Record<string, string>> }
  classify(response: ProviderResponse, meta: KeyMeta): ReturnType<(typeof BUILT_IN_PLUGINS)[number]['check']['classify']>
  sentence(outcome: Outcome, meta: KeyMeta): string
}

export const PROFILES = Object.fromEntries(
  BUILT_IN_PLUGINS.map(({ check }) => [
    check.id,
    {
      target: (meta, secret, settings) => check.request(meta.details, secret, settingsOf(check.id, settings)),
      classify: (response, meta) => check.classify(response, meta.details),
      sentence: (outcome, meta) => check.sentence(outcome, meta.details),
    } satisfies CompatProfile,
  ]),
) as Record<BuiltInProviderId, CompatProfile>
