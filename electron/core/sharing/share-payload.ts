import { z } from 'zod'
import type { KeyDetail } from '../../shared/dto'
import { accountSchema, detailsInputSchema, isoDateSchema, nameSchema, secretSchema, tagsSchema } from '../../shared/schemas/keys'

export const SHARE_FORMAT = 'keyhold-share'
export const SHARE_VERSION = 1

/**
 * What a share file holds once decrypted: one key, and only what the recipient needs to use it —
 * its provider details, name, account, tags and expiry, and the secret. Not its notes (the
 * sender's own jottings, which may name other keys or people), its history or its id.
 * A decrypted payload is still input from outside: strict, and every field by the key's own rules.
 */
export const sharePayloadSchema = z.strictObject({
  format: z.literal(SHARE_FORMAT),
  version: z.literal(SHARE_VERSION),
  sharedAt: z.number().int().nonnegative(),
  key: z.strictObject({
    name: nameSchema,
    account: accountSchema,
    tags: tagsSchema,
    expiresOn: isoDateSchema.nullable(),
    // Each provider's own fields are checked by the registry when the key is added.
    details: detailsInputSchema,
    secret: secretSchema,
  }),
})
export type SharePayload = z.output<typeof sharePayloadSchema>

export function sharePayload(key: KeyDetail, secret: string, sharedAt: number): SharePayload {
  return {
    format: SHARE_FORMAT,
    version: SHARE_VERSION,
    sharedAt,
    key: { name: key.name, account: key.account, tags: key.tags, expiresOn: key.expiresOn, details: key.details, secret },
  }
}

/** A decrypted payload, or null when it is not one (the caller says the file is damaged). */
export function parseSharePayload(bytes: Uint8Array): SharePayload | null {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return null
  }
  const parsed = sharePayloadSchema.safeParse(json)
  return parsed.success ? parsed.data : null
}
