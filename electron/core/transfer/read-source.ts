import type { CsvColumns } from '../../shared/transfer'
import { KeyholdError } from '../errors'
import type { SourceRead } from './candidate'
import { readBitwarden, looksLikeBitwarden } from './sources/bitwarden'
import { readCsv } from './sources/csv'
import { looksLikeEnv, readEnv } from './sources/env'
import { looksLikeKdbx, readKdbx } from './sources/kdbx'
import { looksLikeAge, readExport } from './vault-export'

export interface SourceFile {
  readonly name: string
  readonly bytes: Buffer
}

const NOT_KNOWN = 'Keyhold could not read that file: it is not a format Keyhold imports (a Keyhold export, a KeePass database, a Bitwarden JSON export, a .env file or a CSV). Nothing was added.'

/**
 * Which format a file is, from its content first (an age header, KeePass's signature, JSON with
 * Bitwarden's items), then its name (`.env`), and then whether its lines read as NAME=value; any
 * other text is read as a CSV. A binary file that is none of these is refused with a sentence.
 */
export async function readSource(file: SourceFile, options: { passphrase?: string | undefined; columns?: CsvColumns | undefined }): Promise<SourceRead> {
  const { bytes, name } = file
  if (looksLikeAge(bytes)) return readExport(bytes, options.passphrase)
  if (looksLikeKdbx(bytes)) return readKdbx(bytes, options.passphrase)
  const text = utf8(bytes)
  if (text === undefined) throw new KeyholdError('FILE_UNREADABLE', { message: NOT_KNOWN })
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  if (trimmed.startsWith('{')) {
    let json: unknown
    try {
      json = JSON.parse(trimmed)
    } catch {
      throw new KeyholdError('FILE_UNREADABLE', { message: 'Keyhold could not read that file: it starts as JSON but is incomplete or damaged. Nothing was added.' })
    }
    if (looksLikeBitwarden(json)) return readBitwarden(json)
    throw new KeyholdError('FILE_UNREADABLE', { message: 'Keyhold could not read that file: it is JSON, but not a Bitwarden export (Keyhold reads Bitwarden’s unencrypted JSON export). Nothing was added.' })
  }
  const lower = name.toLowerCase()
  if (lower === '.env' || lower.endsWith('.env') || lower.startsWith('.env.') || (!lower.endsWith('.csv') && looksLikeEnv(text))) return readEnv(text)
  return readCsv(text, options.columns)
}

function utf8(bytes: Buffer): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return text.includes('\u0000') ? undefined : text
  } catch {
    return undefined
  }
}
