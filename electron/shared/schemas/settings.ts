import { z } from 'zod'
import { BACKUPS_KEEP } from '../backups'

export const CLEAR_AFTER_SECONDS = { min: 10, max: 300, default: 30 } as const
export const WARN_DAYS = { min: 1, max: 90, default: 14 } as const

export const clipboardSettingsPatch = z
  .object({ clearAfterSeconds: z.number().int().min(CLEAR_AFTER_SECONDS.min).max(CLEAR_AFTER_SECONDS.max).optional() })
  .strict()

export const backupSettingsPatch = z.object({ keep: z.number().int().min(BACKUPS_KEEP.min).max(BACKUPS_KEEP.max).optional() }).strict()

export const reminderSettingsPatch = z.object({ warnDays: z.number().int().min(WARN_DAYS.min).max(WARN_DAYS.max).optional() }).strict()

/**
 * A settings change as it crosses the contract: per provider id, per setting name, a value.
 * Which providers and settings exist, and each value's rule, the provider registry checks in core.
 */
export const settingsUpdateSchema = z
  .object({
    providers: z.record(z.string().max(32), z.record(z.string().max(64), z.string().max(2048))).optional(),
    clipboard: clipboardSettingsPatch.optional(),
    reminders: reminderSettingsPatch.optional(),
    backups: backupSettingsPatch.optional(),
  })
  .strict()
