import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { NewKeyInput } from '../../electron/shared/dto'
import { KDF_FLOOR } from '../../electron/core/vault/kdf-params'

export const STRONG_PASSWORD = 'correct-horse-battery-staple-42'
export const OTHER_STRONG_PASSWORD = 'violet tractor lantern oyster 93'

/** The cheapest parameters the floor allows: tests about data, not about KDF cost, use these. */
export const FAST_KDF = {
  memoryKiB: KDF_FLOOR.memoryKiB,
  iterations: KDF_FLOOR.iterations,
  parallelism: KDF_FLOOR.parallelism,
} as const

export function tempDir(prefix = 'keyhold-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** One valid key of each provider; `tag` makes every plaintext unique so a byte scan can find it. */
export function sampleKeys(tag: string): NewKeyInput[] {
  return [
    {
      name: `Threadeo billing ${tag}`,
      account: `office-${tag}@example.com`,
      notes: `Rotated by Dana ${tag}`,
      tags: [`legal-${tag}`],
      details: { provider: 'threadeo', tenant: `acme${tag.toLowerCase().replace(/[^a-z0-9]/g, '')}`, apiKey: `TDKEY${tag}` },
      secret: `CANARY-threadeo-secret-${tag}`,
    },
    {
      name: `ThreatSTOP devices ${tag}`,
      details: { provider: 'threatstop', service: 'devices' },
      expiresOn: '2027-01-31',
      secret: `CANARY-threatstop-secret-${tag}`,
    },
    {
      name: `Spreeflo newsletter ${tag}`,
      details: { provider: 'spreeflo', keyName: `newsletter-sync-${tag}` },
      secret: `CANARY-spreeflo-secret-${tag}`,
    },
    {
      name: `Internal API ${tag}`,
      details: { provider: 'custom', baseUrl: 'https://api.example.com/v1', auth: { kind: 'header', headerName: 'X-Api-Key' } },
      secret: `CANARY-custom-secret-${tag}`,
    },
  ]
}
