import { randomInt } from 'node:crypto'
import { Decrypter, Encrypter, type Identity, type Stanza } from 'age-encryption'
import { inFours, normalizeShareCode, normalizeSharePassphrase, SHARE_CODE_PATTERN, SHARE_PASSPHRASE_CHARS } from '../../shared/sharing'
import { KeyholdError } from '../errors'

/**
 * The scrypt work factor of a passphrase share file. age's default (18) protects passphrases a
 * person chose; Keyhold's are 140 random bits, which no amount of guessing reaches, so a cheaper
 * factor costs no safety and opens the file in a fraction of a second on a slow machine.
 */
export const SHARE_SCRYPT_LOG_N = 15

/** 28 characters of Crockford base32 from crypto random (140 bits), in groups of four to read out. */
export function generateSharePassphrase(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  let out = ''
  for (let i = 0; i < SHARE_PASSPHRASE_CHARS; i++) out += alphabet[randomInt(alphabet.length)]
  return inFours(out)
}

/** The recipient's code, checked by shape and then by age itself (the bech32 checksum). */
export function parseShareCode(pasted: string): string {
  const code = normalizeShareCode(pasted)
  if (!SHARE_CODE_PATTERN.test(code)) throw new KeyholdError('SHARE_CODE_INVALID', { field: 'to.code' })
  try {
    new Encrypter().addRecipient(code)
  } catch {
    throw new KeyholdError('SHARE_CODE_INVALID', { field: 'to.code' })
  }
  return code
}

export async function encryptToCode(code: string, plaintext: Uint8Array): Promise<Uint8Array> {
  const e = new Encrypter()
  try {
    e.addRecipient(code)
  } catch {
    throw new KeyholdError('SHARE_CODE_INVALID', { field: 'to.code' })
  }
  return e.encrypt(plaintext)
}

export async function encryptToPassphrase(passphrase: string, plaintext: Uint8Array): Promise<Uint8Array> {
  const e = new Encrypter()
  e.setPassphrase(normalizeSharePassphrase(passphrase))
  e.setScryptWorkFactor(SHARE_SCRYPT_LOG_N)
  return e.encrypt(plaintext)
}

/**
 * The most scrypt work a share file may ask for: age's own default. age would go up to 2^20
 * (1 GiB of memory, seconds of a blocked core) for any file handed to it; Keyhold makes 2^15.
 */
export const SHARE_SCRYPT_MAX_LOG_N = 18

/** Who a share file's header says it is for: stanza types only, read before anything is decrypted. */
type Addressed = 'passphrase' | 'recipient'

class TooMuchWork extends Error {}

/**
 * Sees the header's stanzas and unwraps nothing: age hands every identity the parsed header
 * (this one first), so this learns whether the file is for a passphrase (an scrypt stanza) or
 * for a code, and stops a file that asks for more scrypt work than a share file ever needs.
 */
class HeaderWatch implements Identity {
  addressed: Addressed | undefined
  unwrapFileKey(stanzas: Stanza[]): null {
    const scrypt = stanzas.find((s) => s.args[0] === 'scrypt')
    this.addressed = scrypt ? 'passphrase' : 'recipient'
    if (scrypt && !(Number(scrypt.args[2]) <= SHARE_SCRYPT_MAX_LOG_N)) throw new TooMuchWork()
    return null
  }
}

export type ShareDecryption = { readonly needsPassphrase: true } | { readonly needsPassphrase: false; readonly plaintext: Uint8Array }

/**
 * Opens a share file with this vault's identity, and the passphrase when one is given.
 * Not age at all, a header that does not parse, a header or payload changed or cut short:
 * SHARE_FILE_DAMAGED. A well-formed file no identity here opens (another vault's code, a wrong
 * passphrase): SHARE_FILE_NOT_FOR_YOU. age cannot tell a changed X25519 stanza from one for
 * another vault (each is random to anyone else), so such a file reads as not for you.
 */
export async function decryptShareFile(bytes: Uint8Array, identity: string | null, passphrase: string | undefined): Promise<ShareDecryption> {
  const watch = new HeaderWatch()
  const d = new Decrypter()
  d.addIdentity(watch)
  if (identity !== null) d.addIdentity(identity)
  if (passphrase !== undefined) d.addPassphrase(normalizeSharePassphrase(passphrase))
  try {
    return { needsPassphrase: false, plaintext: await d.decrypt(bytes) }
  } catch (err) {
    if (watch.addressed === undefined || err instanceof TooMuchWork) throw new KeyholdError('SHARE_FILE_DAMAGED')
    const message = err instanceof Error ? err.message : ''
    if (message.startsWith('no identity matched')) {
      if (watch.addressed === 'passphrase' && passphrase === undefined) return { needsPassphrase: true }
      throw new KeyholdError('SHARE_FILE_NOT_FOR_YOU', watch.addressed === 'passphrase' ? { field: 'passphrase' } : {})
    }
    throw new KeyholdError('SHARE_FILE_DAMAGED')
  }
}

/** A share file's name: the key's name, safe on every file system, with Keyhold's ending. */
export function shareFileName(keyName: string): string {
  const safe = keyName
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, ' ')
    // No "..", and no leading dot (a hidden file): a folder-climbing name becomes its words.
    .replace(/\.{2,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim()
  return `${safe === '' ? 'key' : safe}.keyhold-share`
}
