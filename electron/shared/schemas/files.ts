import { z } from 'zod'
import { FILE_PURPOSES } from '../files'

export const fileIdSchema = z.uuid()
export const chooseFileSchema = z.object({ purpose: z.enum(FILE_PURPOSES) }).strict()
export const fileIdInputSchema = z.object({ fileId: fileIdSchema }).strict()
