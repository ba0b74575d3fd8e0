import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import type { RecordCodec, KeyMeta } from './record-codec'
import { storedMetaSchema } from './stored-meta'

export const SNAPSHOT_FORMAT = 1

/** What the snapshot remembers of one record: enough to know it still matches the row. */
export interface SnapshotEntry {
  readonly updatedAt: number
  readonly metaTag: string
  readonly meta: KeyMeta
}

/**
 * Column by column: ~30% smaller than an array of objects, and parsed with far fewer allocations,
 * which is most of what unlocking 10,000 keys costs.
 */
interface Serialized {
  id: string[]
  updatedAt: number[]
  metaTag: string[]
  name: string[]
  account: string[]
  notes: string[]
  tags: (readonly string[])[]
  expiresOn: (string | null)[]
  details: KeyMeta['details'][]
  /**
   * Sparse, by row index: only the few keys with recorded shares, so 10,000 keys without any cost
   * the snapshot nothing. A snapshot written before shares were recorded has none.
   */
  shares?: Record<string, NonNullable<KeyMeta['shares']>>
}

const COLUMNS = ['id', 'updatedAt', 'metaTag', 'name', 'account', 'notes', 'tags', 'expiresOn', 'details'] as const

const meta = storedMetaSchema.shape
const serializedSchema = z
  .object({
    id: z.array(z.string()),
    updatedAt: z.array(z.number()),
    metaTag: z.array(z.string()),
    name: z.array(meta.name),
    account: z.array(meta.account),
    notes: z.array(meta.notes),
    tags: z.array(meta.tags),
    expiresOn: z.array(meta.expiresOn),
    details: z.array(meta.details),
    shares: z.record(z.string().regex(/^\d{1,6}$/), meta.shares.unwrap()).optional(),
  })
  .refine((s) => COLUMNS.every((c) => s[c].length === s.id.length) && Object.keys(s.shares ?? {}).every((i) => Number(i) < s.id.length)) satisfies z.ZodType<Serialized>

/**
 * Reads the sealed list snapshot. A missing, foreign-format or unauthentic snapshot is simply
 * no snapshot: every record is then opened one by one, which is slower but loses nothing.
 */
export function readSnapshot(db: Database, codec: RecordCodec): Map<string, SnapshotEntry> {
  const row = db.prepare('SELECT format, blob FROM list_snapshot WHERE id = 1').get() as
    | { format: number; blob: Buffer }
    | undefined
  const entries = new Map<string, SnapshotEntry>()
  if (!row || row.format !== SNAPSHOT_FORMAT) return entries
  let s: Serialized
  try {
    const parsed = serializedSchema.safeParse(JSON.parse(codec.openSnapshot(row.blob)))
    if (!parsed.success) return entries
    s = parsed.data as Serialized
  } catch {
    return entries
  }
  const n = s.id.length
  for (let i = 0; i < n; i++) {
    const shares = s.shares?.[String(i)]
    entries.set(s.id[i] as string, {
      updatedAt: s.updatedAt[i] as number,
      metaTag: s.metaTag[i] as string,
      meta: {
        name: s.name[i] as string,
        account: s.account[i] as string,
        notes: s.notes[i] as string,
        tags: s.tags[i] as readonly string[],
        expiresOn: s.expiresOn[i] as string | null,
        details: s.details[i] as KeyMeta['details'],
        ...(shares ? { shares } : {}),
      },
    })
  }
  return entries
}

export function writeSnapshot(
  db: Database,
  codec: RecordCodec,
  records: Iterable<[string, SnapshotEntry]>,
  now: number,
): void {
  const shares: NonNullable<Serialized['shares']> = {}
  const serialized: Serialized = { id: [], updatedAt: [], metaTag: [], name: [], account: [], notes: [], tags: [], expiresOn: [], details: [], shares }
  for (const [id, e] of records) {
    serialized.id.push(id)
    serialized.updatedAt.push(e.updatedAt)
    serialized.metaTag.push(e.metaTag)
    serialized.name.push(e.meta.name)
    serialized.account.push(e.meta.account)
    serialized.notes.push(e.meta.notes)
    serialized.tags.push(e.meta.tags)
    serialized.expiresOn.push(e.meta.expiresOn)
    serialized.details.push(e.meta.details)
    if (e.meta.shares?.length) shares[String(serialized.id.length - 1)] = e.meta.shares
  }
  db.prepare('INSERT OR REPLACE INTO list_snapshot (id, format, blob, written_at) VALUES (1, ?, ?, ?)').run(
    SNAPSHOT_FORMAT,
    codec.sealSnapshot(JSON.stringify(serialized)),
    now,
  )
}
