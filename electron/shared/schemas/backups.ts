import { z } from 'zod'
import { MAX_PASSWORD_LENGTH } from './vault'

/** A backup's file name as listed: letters, digits, dots and dashes, ending `.bak` (never a path). */
export const backupIdSchema = z.string().max(160).regex(/^vault\.keyhold\.[A-Za-z0-9.-]+\.bak$/, { message: 'That is not a backup Keyhold listed.' })

/** `password`: the master password the vault had when the backup was made, needed while the vault is locked or damaged. */
export const backupInputSchema = z.object({ backupId: backupIdSchema, password: z.string().min(1).max(MAX_PASSWORD_LENGTH * 4).optional() }).strict()
