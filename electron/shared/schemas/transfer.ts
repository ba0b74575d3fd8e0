import { z } from 'zod'
import { MAX_PASSWORD_LENGTH } from './vault'
import { fileIdSchema } from './files'

const column = z.number().int().min(0).max(999)

export const importPreviewSchema = z
  .object({
    fileId: fileIdSchema,
    /** The file's own password: a Keyhold export's passphrase, a KeePass database's master password. */
    passphrase: z.string().min(1).max(MAX_PASSWORD_LENGTH * 4).optional(),
    /** A CSV's columns as the person mapped them. */
    columns: z.object({ name: column.optional(), secret: column.optional(), url: column.optional(), account: column.optional(), notes: column.optional() }).strict().optional(),
  })
  .strict()

export const importApplySchema = z.object({ previewId: z.uuid() }).strict()

export const vaultExportSchema = z.object({ passphrase: z.string().min(1).max(MAX_PASSWORD_LENGTH * 4) }).strict()
