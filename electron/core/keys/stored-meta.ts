import { z } from 'zod'
import { SHARES_MAX, shareRecordSchema } from '../../shared/shares'
import type { KeyMeta } from './record-codec'

// Stored meta was written by Keyhold and authenticated by its GCM tag; the schema still checks its
// shape, so a record from another version (or a bug) is refused as damaged, never half-read.
const detailValue = z.union([z.string(), z.record(z.string(), z.union([z.string(), z.record(z.string(), z.string())]))])

export const storedMetaSchema = z.object({
  name: z.string(),
  account: z.string(),
  notes: z.string(),
  tags: z.array(z.string()).readonly(),
  expiresOn: z.string().nullable(),
  details: z.object({ provider: z.string() }).catchall(detailValue),
  // Optional: a record written before shares were recorded has none, and reads as before.
  shares: z.array(shareRecordSchema).max(SHARES_MAX).readonly().optional(),
}) satisfies z.ZodType<KeyMeta>

export function parseStoredMeta(value: unknown): KeyMeta {
  return storedMetaSchema.parse(value) as KeyMeta
}
