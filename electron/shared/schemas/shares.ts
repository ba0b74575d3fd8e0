import { z } from 'zod'
import { shareRecipientSchema } from '../shares'
import { keyIdSchema } from './keys'

export const recordShareSchema = z.strictObject({ id: keyIdSchema, with: shareRecipientSchema })
export const recordUnshareSchema = z.strictObject({ id: keyIdSchema, shareId: z.uuid() })
