import { z } from 'zod'
import type { Settings } from '../../../electron/shared/dto'
import type { ProviderDescriptor } from '../../../electron/shared/providers'
import { CLEAR_AFTER_SECONDS } from '../../../electron/shared/schemas/settings'
import { ruleSchema } from '../../../electron/shared/validation/field-schemas'

/** The settings form's values, named by their input paths (`providers.<id>.<setting>`, `clipboard.clearAfterSeconds`). */
export interface SettingsFormValues {
  clipboard: { clearAfterSeconds: string }
  providers: Record<string, Record<string, string>>
}

export const CLEAR_AFTER_LABEL = 'Clear the clipboard after'
export const CLEAR_AFTER_PROBLEM = `Choose a whole number of seconds from ${CLEAR_AFTER_SECONDS.min} to ${CLEAR_AFTER_SECONDS.max}.`

/** Providers that have settings at all. */
export const withSettings = (providers: readonly ProviderDescriptor[]) => providers.filter((p) => p.settings.fields.length > 0)

export function settingsFormDefaults(providers: readonly ProviderDescriptor[], settings: Settings): SettingsFormValues {
  return {
    clipboard: { clearAfterSeconds: String(settings.clipboard.clearAfterSeconds) },
    providers: Object.fromEntries(
      withSettings(providers).map((p) => [p.id, Object.fromEntries(p.settings.fields.map((f) => [f.name, settings.providers[p.id]?.[f.name] ?? f.default]))]),
    ),
  }
}

export function settingsFormSchema(providers: readonly ProviderDescriptor[]) {
  return z.object({
    clipboard: z.object({
      // As typed: checked here, so a half-typed number is never rewritten under the cursor.
      clearAfterSeconds: z
        .string()
        .trim()
        .regex(/^\d+$/, { message: CLEAR_AFTER_PROBLEM })
        .transform(Number)
        .pipe(z.number().int().min(CLEAR_AFTER_SECONDS.min, { message: CLEAR_AFTER_PROBLEM }).max(CLEAR_AFTER_SECONDS.max, { message: CLEAR_AFTER_PROBLEM })),
    }),
    providers: z.object(
      Object.fromEntries(
        withSettings(providers).map((p) => [p.id, z.object(Object.fromEntries(p.settings.fields.map((f) => [f.name, ruleSchema(f.rule).refine((v) => v !== '', { message: 'required' })])))]),
      ),
    ),
  })
}

export function settingsLabels(providers: readonly ProviderDescriptor[]): (name: string) => string {
  const labels = new Map<string, string>([['clipboard.clearAfterSeconds', CLEAR_AFTER_LABEL]])
  for (const p of providers) for (const f of p.settings.fields) labels.set(`providers.${p.id}.${f.name}`, f.label)
  return (name) => labels.get(name) ?? 'A setting'
}
