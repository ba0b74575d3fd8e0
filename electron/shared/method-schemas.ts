import type { z } from 'zod'
import type { MethodChannel } from './channels'
import type { Methods } from './contract'
import { activityListSchema } from './schemas/activity'
import { backupInputSchema } from './schemas/backups'
import { checkStartSchema, runIdSchema } from './schemas/checks'
import { captureIdInputSchema, keyFieldInputSchema, keyIdInputSchema, keyUpdateSchema, limitsSchema, newKeySchema, probeSchema, rotateSchema, searchSchema } from './schemas/keys'
import { recordShareSchema, recordUnshareSchema } from './schemas/shares'
import { chooseFileSchema, fileIdInputSchema } from './schemas/files'
import { settingsUpdateSchema } from './schemas/settings'
import { acceptShareSchema, makeShareFileSchema, openShareFileSchema } from './schemas/share'
import { importApplySchema, importPreviewSchema, vaultExportSchema } from './schemas/transfer'
import { changePasswordSchema, createVaultSchema, keychainUnlockSchema, noInputSchema, passwordInputSchema } from './schemas/vault'

/**
 * Every method's input schema, by channel: the one list core's `handle` path parses with before a
 * handler runs. Tied to `Methods` below, so a field added to a schema and not the contract's type
 * (or the other way round) fails the typecheck.
 */
export const METHOD_INPUTS = {
  'keyhold:vault.status': noInputSchema,
  'keyhold:vault.assessPassword': passwordInputSchema,
  'keyhold:vault.create': createVaultSchema,
  'keyhold:vault.unlock': passwordInputSchema,
  'keyhold:vault.lock': noInputSchema,
  'keyhold:vault.changePassword': changePasswordSchema,
  'keyhold:keys.list': noInputSchema,
  'keyhold:keys.search': searchSchema,
  'keyhold:keys.get': keyIdInputSchema,
  'keyhold:keys.add': newKeySchema,
  'keyhold:keys.update': keyUpdateSchema,
  'keyhold:keys.delete': keyIdInputSchema,
  'keyhold:keys.check': keyIdInputSchema,
  'keyhold:keys.history': keyIdInputSchema,
  'keyhold:checks.start': checkStartSchema,
  'keyhold:checks.cancel': runIdSchema,
  'keyhold:keys.copy': keyFieldInputSchema,
  'keyhold:keys.reveal': keyFieldInputSchema,
  'keyhold:clipboard.capture': noInputSchema,
  'keyhold:clipboard.discard': captureIdInputSchema,
  'keyhold:providers.list': noInputSchema,
  'keyhold:settings.get': noInputSchema,
  'keyhold:settings.update': settingsUpdateSchema,
  'keyhold:keys.expiry': noInputSchema,
  'keyhold:keys.verifyRevoked': keyIdInputSchema,
  'keyhold:activity.list': activityListSchema,
  'keyhold:keys.probe': probeSchema,
  'keyhold:keys.limits': limitsSchema,
  'keyhold:keys.rotate': rotateSchema,
  'keyhold:vault.keychainStatus': noInputSchema,
  'keyhold:vault.setKeychainUnlock': keychainUnlockSchema,
  'keyhold:vault.unlockWithKeychain': noInputSchema,
  'keyhold:files.choose': chooseFileSchema,
  'keyhold:files.save': fileIdInputSchema,
  'keyhold:share.code': noInputSchema,
  'keyhold:share.makeFile': makeShareFileSchema,
  'keyhold:share.open': openShareFileSchema,
  'keyhold:share.accept': acceptShareSchema,
  'keyhold:keys.recordShare': recordShareSchema,
  'keyhold:keys.recordUnshare': recordUnshareSchema,
  'keyhold:import.preview': importPreviewSchema,
  'keyhold:import.apply': importApplySchema,
  'keyhold:vault.export': vaultExportSchema,
  'keyhold:backups.list': noInputSchema,
  'keyhold:backups.create': noInputSchema,
  'keyhold:backups.preview': backupInputSchema,
  'keyhold:backups.restore': backupInputSchema,
} as const satisfies { readonly [C in MethodChannel]: z.ZodType }

export type MethodInputSchemas = typeof METHOD_INPUTS

// What the window sends must be what the schema accepts, and the other way round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
// Mutual assignability lets an optional field exist on one side only, so the field names are
// compared too, down through nested objects (`changes.details`).
type Depth = [never, 0, 1, 2, 3]
type Paths<T, D extends number = 4> = [D] extends [never]
  ? never
  : T extends readonly unknown[]
    ? never
    : T extends object
      ? { [K in keyof T & string]-?: string extends K ? never : K | `${K}.${Paths<NonNullable<T[K]>, Depth[D]>}` }[keyof T & string]
      : never
type Exact<A, B> = Same<A, B> extends true ? Same<Paths<NonNullable<A>>, Paths<NonNullable<B>>> : false
type Tied = { readonly [C in MethodChannel]: Exact<z.input<MethodInputSchemas[C]>, Methods[C]['input']> }
type Untied = { [C in MethodChannel]: Tied[C] extends true ? never : C }[MethodChannel]
/** Names any channel whose schema and contract type disagree (a compile error lists it). */
export const schemasMatchContract: [Untied] extends [never] ? true : Untied = true
