import { z } from 'zod'
import { ACTIVITY_KINDS, ACTIVITY_LIST_MAX } from '../activity'
import { keyIdSchema } from './keys'

/** A page of the activity log: one key's or the vault's, some kinds or all, older than `before`. */
export const activityListSchema = z
  .object({
    keyId: keyIdSchema.optional(),
    kinds: z.array(z.enum(ACTIVITY_KINDS)).max(ACTIVITY_KINDS.length).readonly().optional(),
    limit: z.number().int().min(1).max(ACTIVITY_LIST_MAX).optional(),
    before: z.number().int().nonnegative().optional(),
  })
  .strict()
