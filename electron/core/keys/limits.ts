import type { KeyLimits, KeyRef, ProviderDetailsInput } from '../../shared/dto'
import type { ProviderRegistry } from '../../shared/providers/registry'
import { fieldValueOf, ruleSchema } from '../../shared/validation/field-schemas'
import type { KeyStore } from './key-store'

/**
 * A field's value as it would be stored (a pasted Threadeo address becomes its subdomain), or
 * undefined while it is empty or not valid yet: a half-typed field matches no other key.
 */
function normalised(registry: ProviderRegistry, details: ProviderDetailsInput, path: string): string | undefined {
  const field = registry.get(details.provider)?.fields.find((f) => f.path === path)
  const raw = fieldValueOf(details, path)
  if (!field || raw === undefined || raw.trim() === '') return undefined
  const parsed = ruleSchema(field.rule).safeParse(raw)
  return parsed.success ? parsed.data.trim().toLowerCase() : undefined
}

/**
 * What the provider's rules say about a key with these details, counted over the keys in use
 * (revoked and damaged ones hold no active secret): Threadeo's two tokens per API key, Spreeflo's
 * one key per integration. `excludeId` leaves out the key a rotation replaces.
 */
export function keyLimits(keys: KeyStore, registry: ProviderRegistry, details: ProviderDetailsInput, excludeId?: string): KeyLimits {
  const { constraints } = registry.require(details.provider)
  const others = keys.list().flatMap((entry) => {
    if (entry.damaged || entry.revokedAt !== null || entry.id === excludeId || entry.provider !== details.provider) return []
    return [{ ref: { id: entry.id, name: entry.name } satisfies KeyRef, details: keys.get(entry.id).details, hasSecret: entry.hasSecret }]
  })
  const sameAs = (paths: readonly string[]) => {
    const mine = paths.map((p) => normalised(registry, details, p))
    if (mine.some((v) => v === undefined)) return null
    return others.filter((o) => paths.every((p, i) => normalised(registry, o.details, p) === mine[i]))
  }
  const max = constraints.maxActiveSecrets
  const slots = max ? sameAs(max.per) : null
  const one = constraints.onePerValue
  const same = one ? sameAs([one.field]) : null
  return {
    activeSecrets: max && slots ? { max: max.count, keys: slots.filter((o) => o.hasSecret).map((o) => o.ref), text: max.text } : null,
    sameValue: one && same ? { field: one.field, keys: same.map((o) => o.ref), text: one.text } : null,
  }
}
