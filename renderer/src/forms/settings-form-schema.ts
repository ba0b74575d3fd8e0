import { z } from 'zod'
import type { Settings } from '../../../electron/shared/dto'
import type { ProviderDescriptor } from '../../../electron/shared/providers'
import { BACKUPS_KEEP } from '../../../electron/shared/backups'
import { CLEAR_AFTER_SECONDS, WARN_DAYS } from '../../../electron/shared/schemas/settings'
import { ruleSchema } from '../../../electron/shared/validation/field-schemas'

/** The settings form's values, named by their input paths (`providers.<id>.<setting>`, `clipboard.clearAfterSeconds`). */
export interface SettingsFormValues {
  clipboard: { clearAfterSeconds: string }
  reminders: { warnDays: string }
  backups: { keep: string }
  providers: Record<string, Record<string, string>>
}

export const CLEAR_AFTER_LABEL = 'Clear the clipboard after'
export const CLEAR_AFTER_PROBLEM = `Choose a whole number of seconds from ${CLEAR_AFTER_SECONDS.min} to ${CLEAR_AFTER_SECONDS.max}.`
export const WARN_DAYS_LABEL = 'Remind me before a key expires'
export const WARN_DAYS_PROBLEM = `Choose a whole number of days from ${WARN_DAYS.min} to ${WARN_DAYS.max}.`
export const BACKUPS_KEEP_LABEL = 'Backups to keep'
export const BACKUPS_KEEP_PROBLEM = `Choose a whole number of backups from ${BACKUPS_KEEP.min} to ${BACKUPS_KEEP.max}.`

// As typed: checked on save, so a half-typed number is never rewritten under the cursor.
const wholeNumber = (min: number, max: number, problem: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: problem })
    .transform(Number)
    .pipe(z.number().int().min(min, { message: problem }).max(max, { message: problem }))

/** Providers that have settings at all. */
export const withSettings = (providers: readonly ProviderDescriptor[]) => providers.filter((p) => p.settings.fields.length > 0)

export function settingsFormDefaults(providers: readonly ProviderDescriptor[], settings: Settings): SettingsFormValues {
  return {
    clipboard: { clearAfterSeconds: String(settings.clipboard.clearAfterSeconds) },
    reminders: { warnDays: String(settings.reminders.warnDays) },
    backups: { keep: String(settings.backups.keep) },
    providers: Object.fromEntries(
      withSettings(providers).map((p) => [p.id, Object.fromEntries(p.settings.fields.map((f) => [f.name, settings.providers[p.id]?.[f.name] ?? f.default]))]),
    ),
  }
}

export function settingsFormSchema(providers: readonly ProviderDescriptor[]) {
  return z.object({
    clipboard: z.object({ clearAfterSeconds: wholeNumber(CLEAR_AFTER_SECONDS.min, CLEAR_AFTER_SECONDS.max, CLEAR_AFTER_PROBLEM) }),
    reminders: z.object({ warnDays: wholeNumber(WARN_DAYS.min, WARN_DAYS.max, WARN_DAYS_PROBLEM) }),
    backups: z.object({ keep: wholeNumber(BACKUPS_KEEP.min, BACKUPS_KEEP.max, BACKUPS_KEEP_PROBLEM) }),
    providers: z.object(
      Object.fromEntries(
        withSettings(providers).map((p) => [p.id, z.object(Object.fromEntries(p.settings.fields.map((f) => [f.name, ruleSchema(f.rule).refine((v) => v !== '', { message: 'required' })])))]),
      ),
    ),
  })
}

export function settingsLabels(providers: readonly ProviderDescriptor[]): (name: string) => string {
  const labels = new Map<string, string>([
    ['clipboard.clearAfterSeconds', CLEAR_AFTER_LABEL],
    ['reminders.warnDays', WARN_DAYS_LABEL],
    ['backups.keep', BACKUPS_KEEP_LABEL],
  ])
  for (const p of providers) for (const f of p.settings.fields) labels.set(`providers.${p.id}.${f.name}`, f.label)
  return (name) => labels.get(name) ?? 'A setting'
}
