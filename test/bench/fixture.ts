import { createSystemClipboard } from '../../electron/platform/clipboard/system-clipboard'
import { createKeyholdCore } from '../../electron/core/keyhold-core'
import { KDF_FLOOR } from '../../electron/core/vault/kdf-params'
import type { NewKey } from '../../electron/core/keys/key-input'
import { validateNewKey } from '../../electron/core/keys/validate-key'
import { builtInProviders } from '../../electron/shared/providers'
import { THREATSTOP_SERVICES } from '../../electron/shared/providers/threatstop'

export const PASSWORD = 'correct-horse-battery-staple-42'

/** One figure on stdout, as `bench <id> <value> <unit>`; everything else goes to stderr. */
export function report(id: string, value: number, unit: string, digits: number): void {
  process.stdout.write(`bench ${id} ${value.toFixed(digits)} ${unit}\n`)
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/** Fixture vaults use the floor KDF: the vault's KDF cost is not what these benches measure. */
export const FIXTURE_KDF = {
  memoryKiB: KDF_FLOOR.memoryKiB,
  iterations: KDF_FLOOR.iterations,
  parallelism: KDF_FLOOR.parallelism,
}

// A seeded generator so every run measures the same 10,000 keys.
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COMPANIES = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark', 'wayne', 'soylent', 'tyrell', 'wonka', 'vandelay', 'pied-piper']
const PURPOSES = ['billing', 'reporting', 'ci deploy', 'monitoring', 'backup job', 'analytics', 'webhooks', 'support desk', 'sync worker']
const ENVS = ['production', 'staging', 'dev', 'sandbox']
const TAGS = ['prod', 'staging', 'dev', 'finance', 'ops', 'security', 'marketing', 'legacy', 'rotate-soon', 'team-a', 'team-b']
const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ops', 'it-admin']
const NOTES = [
  '',
  '',
  'Rotated by the platform team every quarter.',
  'Owner: finance. Ask before revoking.\nUsed by the nightly export job.',
  'Created for the 2024 migration; check whether still needed.',
  'Read-only scope.',
]
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function rawKey(i: number, rand: () => number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const token = (n: number) => Array.from({ length: n }, () => pick([...ALNUM])).join('')
  const company = pick(COMPANIES)
  const env = pick(ENVS)
  const tagCount = Math.floor(rand() * 4)
  const common = {
    name: `${company[0]?.toUpperCase()}${company.slice(1)} ${pick(PURPOSES)} (${env}) #${i}`,
    account: rand() < 0.8 ? `${pick(PEOPLE)}@${company}.example.com` : '',
    notes: pick(NOTES),
    tags: [...new Set(Array.from({ length: tagCount }, () => pick(TAGS)))],
    expiresOn: rand() < 0.3 ? `202${6 + Math.floor(rand() * 3)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}` : null,
  }
  const kind = rand()
  if (kind < 0.35) {
    return { ...common, details: { provider: 'threadeo', tenant: `${company}-${env}`, apiKey: `tk_${token(16)}` }, secret: `tds_${token(40)}` }
  }
  if (kind < 0.6) {
    return { ...common, details: { provider: 'threatstop', service: pick(THREATSTOP_SERVICES) }, secret: token(32) }
  }
  if (kind < 0.85) {
    return { ...common, details: { provider: 'spreeflo', keyName: `${company}-${pick(PURPOSES)}` }, secret: `sf_live_${token(48)}` }
  }
  const auth = pick([
    { kind: 'bearer' },
    { kind: 'header', headerName: 'X-Api-Key' },
    { kind: 'basic', username: `${pick(PEOPLE)}-svc` },
  ])
  return { ...common, details: { provider: 'custom', baseUrl: `https://api.${company}.example.com/v2`, auth }, secret: token(64) }
}

/** `count` realistic keys, validated the way the IPC handlers validate them. */
export function makeKeys(count: number, seed = 42): NewKey[] {
  const rand = mulberry32(seed)
  return Array.from({ length: count }, (_, i) => validateNewKey(rawKey(i, rand), builtInProviders))
}

export type FixtureKdf = { readonly memoryKiB: number; readonly iterations: number; readonly parallelism: number }

/**
 * Creates a vault in `dataDir` through the public core API, imports `keys` and locks it; returns the addMany time.
 * `kdfParams` defaults to the floor; the window benches pass SHIPPED_KDF, since unlocking there includes the KDF.
 */
export async function buildVault(dataDir: string, keys: readonly NewKey[], kdfParams: FixtureKdf = FIXTURE_KDF): Promise<number> {
  const core = createKeyholdCore({ dataDir, kdfParams, clipboard: createSystemClipboard() })
  await core.vault.create(PASSWORD)
  const store = core.vault.keys()
  globalThis.gc?.()
  const start = performance.now()
  store.addMany(keys)
  const elapsed = performance.now() - start
  await core.shutdown()
  return elapsed
}
