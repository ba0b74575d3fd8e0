import { z } from 'zod'
import { keyIdSchema } from './keys'

export const checkStartSchema = z.object({ ids: z.array(keyIdSchema).max(100_000).readonly().optional() }).strict().optional()
export const runIdSchema = z.object({ runId: z.uuid() }).strict()
