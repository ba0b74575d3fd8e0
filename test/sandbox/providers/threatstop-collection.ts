import { createHash } from 'node:crypto'

export const COLLECTION_SIZE = 45

export interface ThreatstopObject {
  id: string
  name: string
  created_at: string
  _links: { self: { href: string } }
}

/** A UUID4-shaped id derived from a seed, so every run and every sandbox lists the same objects. */
function deterministicUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex').slice(0, 32).split('')
  hex[12] = '4'
  hex[16] = '89ab'[parseInt(hex[16] ?? '0', 16) % 4] ?? '8'
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

const EPOCH = Date.UTC(2024, 0, 1)

/** ISO-8601 in UTC with an explicit +00:00, as the ThreatSTOP format page writes dates. */
function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}

export function collection(service: string, baseUrl: string): ThreatstopObject[] {
  return Array.from({ length: COLLECTION_SIZE }, (_, i) => {
    const id = deterministicUuid(`threatstop/${service}/${i}`)
    return {
      id,
      name: `${service} ${String(i + 1).padStart(2, '0')}`,
      created_at: isoDate(EPOCH + i * 86_400_000 + i * 3_671_000),
      _links: { self: { href: `${baseUrl}/${service}/${id}` } },
    }
  })
}
