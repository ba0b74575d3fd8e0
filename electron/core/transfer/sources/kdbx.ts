import { argon2d, argon2id } from 'hash-wasm'
import * as kdbxweb from 'kdbxweb'
import { KeyholdError } from '../../errors'
import { fallbackName, type Candidate, type SkippedRow, type SourceRead } from '../candidate'

// KDBX 2+ files start with these two signatures (KeePass's own format description).
const SIGNATURE = Buffer.from([0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5])

export function looksLikeKdbx(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.subarray(0, 8).equals(SIGNATURE)
}

// kdbxweb leaves Argon2 to its host; hash-wasm's is WebAssembly, as fast in Node as in a browser.
kdbxweb.CryptoEngine.setArgon2Impl(async (password, salt, memory, iterations, length, parallelism, type) => {
  const options = {
    password: new Uint8Array(password),
    salt: new Uint8Array(salt),
    memorySize: memory,
    iterations,
    hashLength: length,
    parallelism,
    outputType: 'binary' as const,
  }
  const hash = type === kdbxweb.CryptoEngine.Argon2TypeArgon2id ? await argon2id(options) : await argon2d(options)
  return hash.buffer.slice(hash.byteOffset, hash.byteOffset + hash.byteLength) as ArrayBuffer
})

/** A KeePass database (KDBX 3 or 4, as KeePassXC writes it): every entry outside the recycle bin. */
export async function readKdbx(bytes: Buffer, passphrase: string | undefined): Promise<SourceRead> {
  if (passphrase === undefined) throw new KeyholdError('IMPORT_PASSWORD_NEEDED', { field: 'passphrase', message: 'This KeePass database is protected by its master password. Enter it to read the database.' })
  let db: kdbxweb.Kdbx
  try {
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    db = await kdbxweb.Kdbx.load(data, new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(passphrase)))
  } catch (err) {
    if (err instanceof kdbxweb.KdbxError && err.code === kdbxweb.Consts.ErrorCodes.InvalidKey) {
      throw new KeyholdError('IMPORT_WRONG_PASSWORD', { field: 'passphrase', message: 'That master password does not open this KeePass database (or it also needs a key file, which Keyhold does not read). Nothing was read.' })
    }
    throw new KeyholdError('FILE_UNREADABLE', { message: 'Keyhold could not read that KeePass database: it is damaged, incomplete, or a version Keyhold does not know. Nothing was added.' })
  }
  const candidates: Candidate[] = []
  const skipped: SkippedRow[] = []
  const bin = db.meta.recycleBinUuid
  let row = 0
  const walk = (group: kdbxweb.KdbxGroup, path: readonly string[]) => {
    if (bin && group.uuid.equals(bin)) return
    for (const entry of group.entries) {
      row++
      const text = (field: string) => {
        const value = entry.fields.get(field)
        const plain = value instanceof kdbxweb.ProtectedValue ? value.getText() : value
        return plain?.trim() ? plain : undefined
      }
      const url = text('URL')
      const name = text('Title')?.trim() ?? fallbackName(row, url)
      const secret = text('Password')
      if (!secret) {
        skipped.push({ row, name, reason: 'The entry has no password to keep as its key.' })
        continue
      }
      const expiry = entry.times.expires && entry.times.expiryTime ? entry.times.expiryTime.toISOString().slice(0, 10) : null
      const tags = [...entry.tags, ...path].map((t) => t.trim()).filter((t) => t !== '' && t.length <= 40)
      candidates.push({ row, name, secret, url, username: text('UserName')?.trim(), notes: text('Notes'), tags: [...new Set(tags)].slice(0, 20), expiresOn: expiry })
    }
    for (const child of group.groups) walk(child, [...path, child.name ?? ''])
  }
  const root = db.getDefaultGroup()
  walk(root, [])
  return { source: 'kdbx', candidates, skipped }
}
