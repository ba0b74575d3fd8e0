import type { ProviderDetails, Settings } from '../../electron/shared/dto'
import { fillTemplate, type FieldDescriptor, type ProviderDescriptor } from '../../electron/shared/providers'
import { fieldValueOf } from '../../electron/shared/validation/field-schemas'
import { selectProviders } from './store/selectors'
import { useStore } from './store/store'

/**
 * What the window says about providers, read from the descriptors core lists (providers.list).
 * Nothing here names a provider: a provider registered only in a test build renders the same way.
 */
export const MASKED_SECRET = '••••••••••••'

const NONE: readonly ProviderDescriptor[] = []

export function useProviders(): readonly ProviderDescriptor[] {
  return useStore(selectProviders) ?? NONE
}

export function useProvider(id: string): ProviderDescriptor | undefined {
  return useProviders().find((p) => p.id === id)
}

/** The provider's name, or its id while the descriptors are still on their way. */
export const providerLabel = (d: ProviderDescriptor | undefined, id: string) => d?.label ?? id

/** A badge colour by the provider's place in the registry: distinct for the first six, never named here. */
export function useBadgeTone(id: string): number {
  const index = useProviders().findIndex((p) => p.id === id)
  return index < 0 ? 0 : index % BADGE_TONES
}
export const BADGE_TONES = 6

/** A field's value as the key's page shows it: a choice by its option's label. */
export function shownValue(field: FieldDescriptor, details: ProviderDetails): string | undefined {
  const value = fieldValueOf(details, field.path)
  if (value === undefined || value === '') return undefined
  if (field.rule.kind !== 'choice') return value
  return field.rule.options.find((o) => o.value === value)?.label ?? value
}

/**
 * The address a key's checks go to, from the provider's settings: a setting whose rule is a URL
 * template filled from one of the key's fields (`https://{tenant}.example.com`, as the person set it).
 * Undefined when the provider has none (a Custom key shows its own base URL as a field).
 */
export function keyAddress(descriptor: ProviderDescriptor, details: ProviderDetails, settings: Settings | null): { label: string; url: string } | undefined {
  for (const s of descriptor.settings.fields) {
    if (s.rule.kind !== 'urlTemplate') continue
    const template = settings?.providers[descriptor.id]?.[s.name] ?? s.default
    const name = s.rule.placeholder.replace(/^\{|\}$/g, '')
    return { label: `${descriptor.label} address`, url: fillTemplate(template, { [name]: fieldValueOf(details, s.rule.fillFrom) }) }
  }
  return undefined
}

/** What the secret is called in buttons and sentences ("secret token", "key"). */
export const secretNoun = (d: ProviderDescriptor | undefined) => d?.secret.noun ?? 'key'
