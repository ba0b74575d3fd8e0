import { Decrypter, Encrypter } from 'age-encryption'
import { z } from 'zod'
import { detailsInputSchema } from '../../shared/schemas/keys'
import { KeyholdError } from '../errors'
import type { NewKey } from '../keys/key-input'
import type { Candidate, SourceRead } from './candidate'

/** What the age file holds, as JSON: versioned, so a later Keyhold can still read this one. */
export const EXPORT_FORMAT = 'keyhold-export'
export const EXPORT_VERSION = 1
const AGE_HEADER = Buffer.from('age-encryption.org/v1\n')

const exportedKey = z
  .object({
    name: z.string(),
    account: z.string(),
    notes: z.string(),
    tags: z.array(z.string()),
    expiresOn: z.string().nullable(),
    details: detailsInputSchema,
    secret: z.string(),
  })
  .strict()
const exportSchema = z.object({ format: z.literal(EXPORT_FORMAT), version: z.literal(EXPORT_VERSION), exportedAt: z.string(), keys: z.array(exportedKey) }).strict()

export function looksLikeAge(bytes: Buffer): boolean {
  return bytes.subarray(0, AGE_HEADER.length).equals(AGE_HEADER)
}

/** Every key, sealed by age with a passphrase (scrypt): the age format, not one of ours. */
export async function sealExport(keys: readonly NewKey[], passphrase: string, now: Date, workFactor?: number): Promise<Buffer> {
  const body = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), keys }
  const encrypter = new Encrypter()
  encrypter.setPassphrase(passphrase)
  if (workFactor !== undefined) encrypter.setScryptWorkFactor(workFactor)
  const plain = Buffer.from(JSON.stringify(body), 'utf8')
  try {
    return Buffer.from(await encrypter.encrypt(plain))
  } finally {
    plain.fill(0)
  }
}

/** A Keyhold export opened with its passphrase; its keys keep their providers and values exactly. */
export async function readExport(bytes: Buffer, passphrase: string | undefined): Promise<SourceRead> {
  if (passphrase === undefined) throw new KeyholdError('IMPORT_PASSWORD_NEEDED', { field: 'passphrase', message: 'This Keyhold export is protected by the passphrase chosen when it was made. Enter it to read the file.' })
  const decrypter = new Decrypter()
  decrypter.addPassphrase(passphrase)
  let text: string
  try {
    text = await decrypter.decrypt(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'text')
  } catch (err) {
    const message = err instanceof Error ? err.message : ''
    // age says which: no passphrase stanza fits, or the header/payload does not authenticate.
    if (/no identity matched|incorrect passphrase|failed to decrypt file key/i.test(message)) {
      throw new KeyholdError('IMPORT_WRONG_PASSWORD', { field: 'passphrase', message: 'That passphrase does not open this Keyhold file (or it was made for another vault’s sharing code). Nothing was read.' })
    }
    throw new KeyholdError('FILE_UNREADABLE', { message: 'Keyhold could not read that file: it is damaged or incomplete (it may have been changed after it was made). Nothing was added.' })
  }
  let body: z.output<typeof exportSchema>
  try {
    body = exportSchema.parse(JSON.parse(text))
  } catch {
    throw new KeyholdError('FILE_UNREADABLE', { message: 'Keyhold could not read that file: it opens, but it is not a Keyhold export this version knows. Nothing was added.' })
  }
  const candidates: Candidate[] = body.keys.map((k, i) => ({
    row: i + 1,
    name: k.name,
    secret: k.secret,
    notes: k.notes,
    tags: k.tags,
    expiresOn: k.expiresOn,
    details: k.details,
    exact: true,
    ...(k.account ? { username: k.account } : {}),
  }))
  return { source: 'keyhold-export', candidates, skipped: [] }
}
