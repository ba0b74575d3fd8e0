import { z } from 'zod'

/** The longest master password Keyhold accepts (characters). */
export const MAX_PASSWORD_LENGTH = 1024

// Long enough for any passphrase; short enough that a pasted file cannot stall the KDF input.
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH * 4)

export const passwordInputSchema = z.object({ password }).strict()
/**
 * `replaceUnfinished`: the person agreed to start over where a create was stopped before the vault
 * was finished (status `unfinished`); without it such a leftover is refused with VAULT_UNFINISHED.
 */
export const createVaultSchema = z.object({ password, replaceUnfinished: z.boolean().optional() }).strict()
export const changePasswordSchema = z.object({ currentPassword: password, newPassword: password }).strict()
export const keychainUnlockSchema = z.discriminatedUnion('enabled', [
  z.object({ enabled: z.literal(true), password }).strict(),
  z.object({ enabled: z.literal(false) }).strict(),
])
/** Methods that take nothing accept nothing (or an empty object, as some bridges send). */
export const noInputSchema = z.undefined()
