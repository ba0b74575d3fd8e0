import { z } from 'zod'
import { fileIdSchema } from './files'
import { keyIdSchema, nameSchema } from './keys'

/** A pasted sharing code: its shape is checked in core, so a wrong one gets its own sentence. */
const pastedCodeSchema = z.string().min(1).max(500)

export const makeShareFileSchema = z
  .object({
    id: keyIdSchema,
    to: z.union([z.object({ code: pastedCodeSchema }).strict(), z.object({ passphrase: z.literal(true) }).strict()]),
  })
  .strict()

export const openShareFileSchema = z
  .object({
    fileId: fileIdSchema,
    // A generated passphrase is 34 characters with its dashes; typed back with spaces it may be longer.
    passphrase: z.string().min(1).max(200).optional(),
  })
  .strict()

export const acceptShareSchema = z.object({ previewId: z.uuid(), name: nameSchema.optional() }).strict()
