import { z } from 'zod'
import { MAX_PASSWORD_LENGTH } from '../../../electron/shared/schemas/vault'

const password = z.string().min(1, { message: 'required' }).max(MAX_PASSWORD_LENGTH * 4)

/** First run: the password twice. Names are the inputs' own (`password`) so core's errors land. */
export const newVaultSchema = z
  .object({ password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords are not the same.' })

export const unlockSchema = z.object({ password })

export const changePasswordFormSchema = z
  .object({ currentPassword: password, newPassword: password, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], message: 'The two new passwords are not the same.' })
