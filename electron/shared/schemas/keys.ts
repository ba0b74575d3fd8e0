import { z } from 'zod'
import { coded, singleLine } from '../validation/field-schemas'
import { hasControlCharsBesidesLineBreaks, hasInnerControlChars, SECRET_MAX_BYTES, utf8Length } from '../validation/text-rules'

/**
 * The schemas of a key's fields, shared: core validates every input with them, and the window's
 * forms use the same ones, so both sides name the same field for the same mistake.
 */
export const nameSchema = singleLine(200).refine((v) => v.trim().length > 0, { message: 'required' })
export const accountSchema = singleLine(200)
export const notesSchema = z
  .string()
  .max(10_000)
  .refine((v) => !hasControlCharsBesidesLineBreaks(v), coded('NAME_CONTROL_CHARS'))
export const tagSchema = singleLine(40).refine((v) => v.trim().length > 0, { message: 'required' })
export const tagsSchema = z.array(tagSchema).max(20).readonly()
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))

/** The secret's own rules; stray whitespace is a separate, answerable question (see below). */
export const secretSchema = z
  .string()
  .refine((v) => v.length > 0, { ...coded('SECRET_EMPTY'), abort: true })
  .refine((v) => utf8Length(v) <= SECRET_MAX_BYTES, { ...coded('SECRET_TOO_LARGE'), abort: true })
  .refine((v) => !hasInnerControlChars(v), coded('SECRET_CONTROL_CHARS'))

/**
 * A provider's details as they cross the contract: its id and its fields. Each provider's own
 * fields are checked by the provider registry in core (the registry decides which providers exist).
 */
export const detailsInputSchema = z.object({ provider: z.string().min(1).max(32) }).loose()

export const keyIdSchema = z.uuid()

/** The secret, typed — or held in core by "Paste from clipboard" under `secretCaptureId`; never both. */
const secretChoice = {
  secret: secretSchema.optional(),
  secretCaptureId: z.uuid().optional(),
  /** Keep a secret with surrounding whitespace or invisible characters exactly as given. */
  keepSecretAsIs: z.boolean().optional(),
  /** The window's "remove them" answer to SECRET_WHITESPACE. */
  trimSecret: z.boolean().optional(),
}

const notBoth = (v: { secret?: string | undefined; secretCaptureId?: string | undefined }) =>
  !(v.secret !== undefined && v.secretCaptureId !== undefined)
const NOT_BOTH = { message: 'Give the key either typed or pasted from the clipboard, not both.', path: ['secret'] }

export const newKeySchema = z
  .object({
    name: nameSchema,
    account: accountSchema.optional(),
    notes: notesSchema.optional(),
    tags: tagsSchema.optional(),
    expiresOn: isoDateSchema.nullable().optional(),
    details: detailsInputSchema,
    ...secretChoice,
  })
  .strict()
  .refine(notBoth, NOT_BOTH)
  .refine((v) => v.secret !== undefined || v.secretCaptureId !== undefined, { ...coded('SECRET_EMPTY'), path: ['secret'] })

export const keyUpdateSchema = z
  .object({
    id: keyIdSchema,
    changes: z
      .object({
        name: nameSchema.optional(),
        account: accountSchema.optional(),
        notes: notesSchema.optional(),
        tags: tagsSchema.optional(),
        expiresOn: isoDateSchema.nullable().optional(),
        details: detailsInputSchema.optional(),
        ...secretChoice,
      })
      .strict()
      .refine(notBoth, NOT_BOTH),
  })
  .strict()

export const keyIdInputSchema = z.object({ id: keyIdSchema }).strict()
/** `secret`, or a non-secret field the key's provider marks copyable (core checks which). */
export const keyFieldSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9.]{0,63}$/)
export const keyFieldInputSchema = z.object({ id: keyIdSchema, field: keyFieldSchema }).strict()
export const captureIdInputSchema = z.object({ captureId: z.uuid() }).strict()
export const searchSchema = z.object({ query: z.string().max(200) }).strict()

/** A key not saved yet, checked before the add wizard asks for its name. */
export const probeSchema = z
  .object({ details: detailsInputSchema, ...secretChoice })
  .strict()
  .refine(notBoth, NOT_BOTH)
  .refine((v) => v.secret !== undefined || v.secretCaptureId !== undefined, { ...coded('SECRET_EMPTY'), path: ['secret'] })

/** What the provider's rules say about a key with these details; `excludeId` is the key being rotated. */
export const limitsSchema = z.object({ details: detailsInputSchema, excludeId: keyIdSchema.optional() }).strict()

/** The new secret of a rotation; the old key's name and details carry over. */
export const rotateSchema = z
  .object({ id: keyIdSchema, ...secretChoice })
  .strict()
  .refine(notBoth, NOT_BOTH)
  .refine((v) => v.secret !== undefined || v.secretCaptureId !== undefined, { ...coded('SECRET_EMPTY'), path: ['secret'] })
