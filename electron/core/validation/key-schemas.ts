import { z } from 'zod'
import { CUSTOM_AUTH_KINDS, THREATSTOP_SERVICES } from '../../shared/providers'
import type { ErrorCode } from '../../shared/errors'
import {
  hasControlChars,
  hasControlCharsBesidesLineBreaks,
  hasInnerControlChars,
  hasStrayWhitespace,
  SECRET_MAX_BYTES,
  utf8Length,
  withoutStrayWhitespace,
} from './text-rules'

/** A refinement that, when it fails, reports one of our error codes rather than INVALID_INPUT. */
const coded = (code: ErrorCode) => ({ params: { keyholdCode: code } })

const singleLine = (max: number) =>
  z.string().max(max).refine((v) => !hasControlChars(v), coded('NAME_CONTROL_CHARS'))

export const nameSchema = singleLine(200).refine((v) => v.trim().length > 0, { message: 'required' })
const accountSchema = singleLine(200)
const notesSchema = z
  .string()
  .max(10_000)
  .refine((v) => !hasControlCharsBesidesLineBreaks(v), coded('NAME_CONTROL_CHARS'))
const tagSchema = singleLine(40).refine((v) => v.trim().length > 0, { message: 'required' })
const tagsSchema = z.array(tagSchema).max(20)
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))

/** A DNS label: the only thing a user may change in Threadeo's host, so the key's host stays pinned. */
const dnsLabel = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/)
const identifier = z
  .string()
  .min(1)
  .max(512)
  .refine((v) => !/\s/u.test(v) && !hasControlChars(v))

/** HTTPS only; plain HTTP only to this machine (the provider sandboxes). No credentials, query or fragment. */
const baseUrl = z
  .string()
  .max(2048)
  .refine((v) => {
    if (!URL.canParse(v)) return false
    const url = new URL(v)
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
    return (
      (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === ''
    )
  })

// Header names a key may travel in; hop-by-hop and routing headers are not among them.
const RESERVED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'cookie'])
const headerName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/)
  .refine((v) => !RESERVED_HEADERS.has(v.toLowerCase()))

const customAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal(CUSTOM_AUTH_KINDS[0]) }).strict(),
  z.object({ kind: z.literal(CUSTOM_AUTH_KINDS[1]), headerName }).strict(),
  z.object({ kind: z.literal(CUSTOM_AUTH_KINDS[2]), username: singleLine(200) }).strict(),
])

export const providerDetailsSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('threadeo'), tenant: dnsLabel, apiKey: identifier }).strict(),
  z.object({ provider: z.literal('threatstop'), service: z.enum(THREATSTOP_SERVICES) }).strict(),
  z
    .object({
      provider: z.literal('spreeflo'),
      keyName: singleLine(200).refine((v) => v.trim().length > 0, { message: 'required' }),
    })
    .strict(),
  z.object({ provider: z.literal('custom'), baseUrl, auth: customAuth }).strict(),
])

const secretSchema = z
  .string()
  .refine((v) => v.length > 0, { ...coded('SECRET_EMPTY'), abort: true })
  .refine((v) => utf8Length(v) <= SECRET_MAX_BYTES, { ...coded('SECRET_TOO_LARGE'), abort: true })
  .refine((v) => !hasInnerControlChars(v), coded('SECRET_CONTROL_CHARS'))

/** Whitespace is reported unless the person chose to keep the secret exactly as given. */
function refineSecretWhitespace(
  value: { secret?: string | undefined; keepSecretAsIs?: boolean | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.secret !== undefined && !value.keepSecretAsIs && hasStrayWhitespace(value.secret)) {
    ctx.addIssue({ code: 'custom', path: ['secret'], params: { keyholdCode: 'SECRET_WHITESPACE' } })
  }
}

const commonFields = {
  account: accountSchema.default(''),
  notes: notesSchema.default(''),
  tags: tagsSchema.default([]),
  expiresOn: isoDate.nullable().default(null),
}

/**
 * `trimSecret: true` is the window's "remove them" answer to SECRET_WHITESPACE: the same rule
 * that reported the characters removes them, so the two can never disagree.
 */
function applyTrimSecret(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('trimSecret' in value)) return value
  const { trimSecret, ...rest } = value as { trimSecret: unknown; secret?: unknown }
  if (trimSecret === true && typeof rest.secret === 'string') return { ...rest, secret: withoutStrayWhitespace(rest.secret) }
  return trimSecret === false || trimSecret === undefined ? rest : value
}

export const newKeySchema = z.preprocess(applyTrimSecret, z
  .object({
    name: nameSchema,
    ...commonFields,
    details: providerDetailsSchema,
    secret: secretSchema,
    keepSecretAsIs: z.boolean().default(false),
  })
  .strict()
  .superRefine(refineSecretWhitespace))

export const keyIdSchema = z.string().uuid()

export const keyUpdateSchema = z
  .object({
    id: keyIdSchema,
    changes: z.preprocess(applyTrimSecret, z
      .object({
        name: nameSchema.optional(),
        account: accountSchema.optional(),
        notes: notesSchema.optional(),
        tags: tagsSchema.optional(),
        expiresOn: isoDate.nullable().optional(),
        details: providerDetailsSchema.optional(),
        secret: secretSchema.optional(),
        keepSecretAsIs: z.boolean().optional(),
      })
      .strict()
      .superRefine(refineSecretWhitespace)),
  })
  .strict()

export type NewKey = z.output<typeof newKeySchema>
export type KeyUpdate = z.output<typeof keyUpdateSchema>
