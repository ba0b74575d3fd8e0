import { z } from 'zod'
import { KeyholdError } from '../../errors'
import { fallbackName, type Candidate, type SkippedRow, type SourceRead } from '../candidate'

// Bitwarden's unencrypted JSON export (bitwarden.com/help/export-your-data): only the parts Keyhold reads.
const item = z
  .object({
    type: z.number(),
    name: z.string().nullish(),
    notes: z.string().nullish(),
    login: z
      .object({
        username: z.string().nullish(),
        password: z.string().nullish(),
        uris: z.array(z.object({ uri: z.string().nullish() }).loose()).nullish(),
      })
      .loose()
      .nullish(),
    // type 0 text, 1 hidden, 2 boolean, 3 linked
    fields: z.array(z.object({ name: z.string().nullish(), value: z.string().nullish(), type: z.number() }).loose()).nullish(),
  })
  .loose()
const exportSchema = z.object({ encrypted: z.boolean().optional(), items: z.array(z.unknown()) }).loose()

export function looksLikeBitwarden(value: unknown): boolean {
  return exportSchema.safeParse(value).success
}

const LOGIN = 1
const HIDDEN_FIELD = 1

export function readBitwarden(value: unknown): SourceRead {
  const parsed = exportSchema.parse(value)
  if (parsed.encrypted) {
    throw new KeyholdError('FILE_UNREADABLE', { message: 'This Bitwarden export is encrypted. Export your vault again as unencrypted JSON (.json), import that, then delete it. Nothing was added.' })
  }
  const candidates: Candidate[] = []
  const skipped: SkippedRow[] = []
  parsed.items.forEach((raw, i) => {
    const row = i + 1
    const entry = item.safeParse(raw)
    if (!entry.success) {
      skipped.push({ row, name: `Item ${row}`, reason: 'Keyhold could not read this item.' })
      return
    }
    const it = entry.data
    const url = it.login?.uris?.map((u) => u.uri).find((u): u is string => !!u?.trim()) ?? undefined
    const name = it.name?.trim() || fallbackName(row, url)
    // A login's password is the key; an item may instead keep it in a hidden custom field.
    const hidden = it.fields?.find((f) => f.type === HIDDEN_FIELD && f.value?.trim())
    const secret = (it.type === LOGIN ? it.login?.password : undefined) || hidden?.value
    if (!secret?.trim()) {
      skipped.push({ row, name, reason: it.type === LOGIN ? 'The login has no password to keep as its key.' : 'Not a login: it holds no key.' })
      return
    }
    candidates.push({ row, name, secret, url, username: it.login?.username?.trim() || undefined, notes: it.notes ?? undefined })
  })
  return { source: 'bitwarden', candidates, skipped }
}
