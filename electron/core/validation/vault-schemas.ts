import { z } from 'zod'
import { MAX_PASSWORD_LENGTH } from '../vault/password-policy'

// Long enough for any passphrase; short enough that a pasted file cannot stall the KDF input.
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH * 4)

export const passwordInputSchema = z.object({ password }).strict()
export const changePasswordSchema = z.object({ currentPassword: password, newPassword: password }).strict()
export const searchSchema = z.object({ query: z.string().max(200) }).strict()
export const noInputSchema = z.undefined().or(z.null()).or(z.object({}).strict())
