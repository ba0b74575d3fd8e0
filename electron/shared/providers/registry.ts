import { z } from 'zod'
import { custom } from './custom'
import type { FieldDescriptor, ProviderDescriptor } from './descriptor'
import { spreeflo } from './spreeflo'
import { threadeo } from './threadeo'
import { threatstop } from './threatstop'
import { detailsSchema, fieldValueOf, settingsSchema, type ProviderDetailsValue } from '../validation/field-schemas'

/** The providers Keyhold ships with; a host may register more (a test build does). */
export const BUILT_IN_PROVIDERS = [threadeo, threatstop, spreeflo, custom] as const satisfies readonly ProviderDescriptor[]
export const BUILT_IN_PROVIDER_IDS = ['threadeo', 'threatstop', 'spreeflo', 'custom'] as const
export type BuiltInProviderId = (typeof BUILT_IN_PROVIDER_IDS)[number]

/** One provider's settings: name → value. */
export type ProviderSettingValues = Readonly<Record<string, string>>
/** Every provider's settings, by provider id. */
export type ProviderSettingsValues = Readonly<Record<string, ProviderSettingValues>>

const PROVIDER_ID = /^[a-z][a-z0-9-]{1,31}$/

/**
 * The registry: every descriptor once, and what is built from them — the details schema (one
 * branch per provider), the settings schema (nested per provider), defaults, portal links. Core
 * validates with it; the window renders forms from the same descriptors.
 */
export class ProviderRegistry {
  private readonly byId: ReadonlyMap<string, ProviderDescriptor>
  private readonly detailSchemas: ReadonlyMap<string, z.ZodType<ProviderDetailsValue>>
  /** Any registered provider's details, checked by that provider's own fields. */
  readonly detailsSchema: z.ZodType<ProviderDetailsValue>
  /** A settings change: per provider, per setting, each optional. */
  readonly settingsPatchSchema: z.ZodType<Readonly<Record<string, Readonly<Record<string, string | undefined>>>>>

  constructor(readonly descriptors: readonly ProviderDescriptor[]) {
    const byId = new Map<string, ProviderDescriptor>()
    for (const d of descriptors) {
      if (!PROVIDER_ID.test(d.id)) throw new Error(`Provider id "${d.id}" must be lower-case letters, digits and hyphens`)
      if (byId.has(d.id)) throw new Error(`Provider "${d.id}" is registered twice`)
      for (const link of d.links) {
        if (!isPortalUrlOf(d, fillTemplate(link.url, link.defaults ?? {}, 'x'))) throw new Error(`Provider "${d.id}": link ${link.id} is not on one of its portal hosts`)
      }
      byId.set(d.id, d)
    }
    this.byId = byId
    const ids = descriptors.map((d) => d.id)
    this.detailSchemas = new Map(descriptors.map((d) => [d.id, detailsSchema(d)]))
    this.detailsSchema = z.unknown().transform((value, ctx): ProviderDetailsValue => {
      const provider = typeof value === 'object' && value !== null && Object.hasOwn(value, 'provider') ? (value as { provider: unknown }).provider : undefined
      const schema = typeof provider === 'string' ? this.detailSchemas.get(provider) : undefined
      if (!schema) {
        ctx.addIssue({ code: 'invalid_value', values: ids, input: provider, path: ['provider'], message: 'is not one of the choices Keyhold knows' })
        return z.NEVER
      }
      const parsed = schema.safeParse(value)
      if (parsed.success) return parsed.data
      for (const issue of parsed.error.issues) ctx.addIssue(issue as never)
      return z.NEVER
    })
    this.settingsPatchSchema = z
      .object(Object.fromEntries(ids.map((id) => [id, settingsSchema(this.require(id).settings.fields).optional()])))
      .strict() as never
  }

  get(id: string): ProviderDescriptor | undefined {
    return this.byId.get(id)
  }

  require(id: string): ProviderDescriptor {
    const d = this.byId.get(id)
    if (!d) throw new Error(`No provider "${id}" is registered`)
    return d
  }

  label(id: string): string {
    return this.byId.get(id)?.label ?? id
  }

  defaultSettings(): ProviderSettingsValues {
    return Object.fromEntries(this.descriptors.map((d) => [d.id, Object.fromEntries(d.settings.fields.map((f) => [f.name, f.default]))]))
  }

  /** Settings stored before they were nested per provider (`threadeoBaseUrl`, …), in today's shape. */
  fromLegacySettings(flat: Readonly<Record<string, unknown>>): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {}
    for (const d of this.descriptors) {
      for (const f of d.settings.fields) {
        const value = f.legacyName !== undefined && Object.hasOwn(flat, f.legacyName) ? flat[f.legacyName] : undefined
        if (typeof value === 'string') (out[d.id] ??= {})[f.name] = value
      }
    }
    return out
  }

  /** Text of a key's searchable fields, for the list filter. */
  searchText(details: ProviderDetailsValue): string {
    const d = this.byId.get(details.provider)
    return (d?.fields ?? []).filter((f) => f.searchable).map((f) => fieldValueOf(details, f.path) ?? '').join('\n')
  }

  /** A non-secret field the key's page offers to copy (Threadeo's API key). */
  copyableField(providerId: string, path: string): FieldDescriptor | undefined {
    return this.byId.get(providerId)?.fields.find((f) => f.copyable === true && f.path === path)
  }

  isPortalUrl(raw: string): boolean {
    return this.descriptors.some((d) => isPortalUrlOf(d, raw))
  }
}

/** Fills `{name}` placeholders; a missing value takes the default, else `fallback`. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>, fallback = ''): string {
  return template.replace(/\{([a-zA-Z0-9_.]+)\}/g, (_, name: string) => values[name] || fallback)
}

function hostMatches(pattern: string, host: string): boolean {
  if (!pattern.startsWith('*.')) return host === pattern
  const suffix = pattern.slice(1)
  const label = host.slice(0, -suffix.length)
  return host.endsWith(suffix) && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label)
}

/** HTTPS on the default port, no credentials, on one of the provider's portal hosts. */
export function isPortalUrlOf(descriptor: ProviderDescriptor, raw: string): boolean {
  if (!URL.canParse(raw)) return false
  const url = new URL(raw)
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && descriptor.portalHosts.some((p) => hostMatches(p, url.hostname))
}

/**
 * The registry of the built-in providers. Pure for the bundler: only Electron's main process reads
 * it, and where it is not read (the web host, the window) its schemas are not built at load.
 */
export const builtInProviders = /* @__PURE__ */ new ProviderRegistry(BUILT_IN_PROVIDERS)
