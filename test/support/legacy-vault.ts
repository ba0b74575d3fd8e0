import { randomBytes, randomUUID } from 'node:crypto'
import type { CheckRecord } from '../../electron/shared/dto'
import { ActivityLog } from '../../electron/core/activity/activity-log'
import { CheckStore } from '../../electron/core/checks/check-store'
import { writeSnapshot, type SnapshotEntry } from '../../electron/core/keys/list-snapshot'
import { RECORD_FORMAT, RecordCodec, type KeyMeta } from '../../electron/core/keys/record-codec'
import { vaultPaths } from '../../electron/core/paths'
import { backupBeforeMigration } from '../../electron/core/store/backups'
import { createVaultDatabase } from '../../electron/core/store/database'
import { MIGRATIONS } from '../../electron/core/store/migrations'
import { wrapVaultKey, writeHeader } from '../../electron/core/vault/header'
import { deriveKey } from '../../electron/core/vault/kdf'
import { validateNewKey } from '../../electron/core/keys/validate-key'
import { builtInProviders } from '../../electron/shared/providers'
import { FAST_KDF, sampleKeys, STRONG_PASSWORD } from './fixtures'

/** Provider settings as vaults stored them before settings were nested per provider (flat). */
export const LEGACY_PROVIDER_SETTINGS = {
  threadeoBaseUrl: 'https://{tenant}.threadeo.example.test',
  threadeoCheckPath: '/api/v2/whoami',
  spreefloAuth: 'x-api-key',
} as const

export interface LegacyKey {
  readonly id: string
  readonly meta: KeyMeta
  readonly secret: string
}

/** What a vault written by an older Keyhold holds, to compare with what the current code reads. */
export interface LegacyVault {
  readonly version: number
  readonly keys: readonly LegacyKey[]
  /** From version 3: one check per key. */
  readonly checks: readonly Omit<CheckRecord, 'sentence'>[]
  /** From version 3: the clipboard setting someone chose. */
  readonly clearAfterSeconds: number | null
  /** From version 4: the plaintext log as version 4 wrote it. */
  readonly activity: readonly { id: number; at: number; kind: string; keyId: string; field: string }[]
}

const AT = Date.parse('2026-06-01T09:00:00Z')

/**
 * Writes the vault an older Keyhold (schema `version`) would have left on disk, with real data in
 * every table that version had: the header under STRONG_PASSWORD, sealed records, and from the
 * version that introduced each, the list snapshot, check history, settings and activity log.
 * It uses the schema steps up to `version` only, and writes rows in that version's layout.
 */
export async function writeLegacyVault(dataDir: string, version: number, tag = `v${version}`, oldBackups = 0): Promise<LegacyVault> {
  const paths = vaultPaths(dataDir)
  const db = await createVaultDatabase({ path: paths.vaultFile, backupDir: paths.backupDir, migrations: MIGRATIONS.slice(0, version) })
  try {
    const vaultId = randomUUID()
    const vaultKey = randomBytes(32)
    const kdf = { algorithm: 'argon2id' as const, ...FAST_KDF, salt: randomBytes(16) }
    const passwordKey = await deriveKey(STRONG_PASSWORD, kdf)
    writeHeader(db, { vaultId, kdf, wrappedKey: wrapVaultKey(passwordKey, vaultKey, vaultId, kdf) }, AT)
    const codec = new RecordCodec(vaultKey, vaultId)

    const keys: LegacyKey[] = sampleKeys(tag).map((input) => {
      const parsed = validateNewKey(input, builtInProviders)
      const meta: KeyMeta = {
        name: parsed.name,
        account: parsed.account,
        notes: parsed.notes,
        tags: parsed.tags,
        expiresOn: parsed.expiresOn,
        details: parsed.details,
      }
      return { id: randomUUID(), meta, secret: parsed.secret }
    })
    const snapshot: [string, SnapshotEntry][] = []
    const insert = db.prepare('INSERT INTO keys (id, format, meta, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    keys.forEach((k, i) => {
      const metaBlob = codec.sealMeta(k.id, k.meta)
      insert.run(k.id, RECORD_FORMAT, metaBlob, codec.sealSecret(k.id, k.secret), AT + i, AT + i)
      snapshot.push([k.id, { updatedAt: AT + i, metaTag: metaBlob.subarray(-16).toString('hex').toUpperCase(), meta: k.meta }])
    })
    if (version >= 2) writeSnapshot(db, codec, snapshot, AT)

    const checks: Omit<CheckRecord, 'sentence'>[] = []
    let clearAfterSeconds: number | null = null
    if (version >= 3) {
      keys.forEach((k, i) =>
        checks.push({
          id: randomUUID(),
          keyId: k.id,
          at: AT + 1000 + i,
          outcome: i % 2 === 0 ? 'valid' : 'invalid',
          httpStatus: i % 2 === 0 ? 200 : 401,
          latencyMs: 40 + i,
          requestId: `req-${tag}-${i}`,
          detail: null,
        }),
      )
      new CheckStore(db, codec).add(checks)
      clearAfterSeconds = 45
      // Settings as versions before nesting sealed them: provider settings flat, by provider-prefixed name.
      db.prepare('INSERT INTO settings (id, format, blob, updated_at) VALUES (1, ?, ?, ?)').run(
        RECORD_FORMAT,
        codec.sealJson('settings', { providers: { ...LEGACY_PROVIDER_SETTINGS }, clipboard: { clearAfterSeconds } }),
        AT,
      )
    }

    const activity: { id: number; at: number; kind: string; keyId: string; field: string }[] = []
    if (version === 4) {
      const log = db.prepare('INSERT INTO activity (at, kind, key_id, field) VALUES (?, ?, ?, ?)')
      keys.forEach((k, i) => {
        for (const [kind, field] of [['copied', 'secret'], ['revealed', i === 0 ? 'apiKey' : 'secret']] as const) {
          const at = AT + 2000 + activity.length
          const id = Number(log.run(at, kind, k.id, field).lastInsertRowid)
          activity.push({ id, at, kind, keyId: k.id, field })
        }
      })
    }
    if (version >= 5) {
      // From version 5 the log is sealed, as an unlocked version-5 vault left it.
      let at = AT + 2000
      const log = new ActivityLog(db, codec, () => at)
      keys.forEach((k, i) => {
        for (const [kind, field] of [['copied', 'secret'], ['revealed', i === 0 ? 'apiKey' : 'secret']] as const) {
          at = AT + 2000 + activity.length
          log.record(kind, k.id, field)
          activity.push({ id: activity.length + 1, at, kind, keyId: k.id, field })
        }
      })
    }
    // Backups an earlier upgrade would have left, each a real copy, older than anything today.
    for (let i = 0; i < oldBackups; i++) {
      await backupBeforeMigration(db, paths.vaultFile, paths.backupDir, version, new Date(AT - (oldBackups - i) * 86_400_000))
    }
    return { version, keys, checks, clearAfterSeconds, activity }
  } finally {
    db.close()
  }
}
