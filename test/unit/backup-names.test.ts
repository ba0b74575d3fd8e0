import { describe, expect, it } from 'vitest'
import { parseBackupName } from '../../electron/core/store/backups'
import { backupIdSchema } from '../../electron/shared/schemas/backups'

const place = { vaultPath: '/data/vault.keyhold', backupDir: '/data/backups' }

describe('backup names', () => {
  it('read back when and why each was made; the name Keyhold always gave an upgrade copy is one', () => {
    expect(parseBackupName(place, 'vault.keyhold.2026-11-24T00-00-00-000Z.v0001.bak')).toEqual({
      name: 'vault.keyhold.2026-11-24T00-00-00-000Z.v0001.bak',
      at: Date.parse('2026-11-24T00:00:00.000Z'),
      reason: 'before-upgrade',
      damagedCopy: false,
    })
    expect(parseBackupName(place, 'vault.keyhold.2026-12-02T09-00-00-001Z.v0006.daily.bak')).toMatchObject({ reason: 'daily', at: Date.parse('2026-12-02T09:00:00.001Z') })
    expect(parseBackupName(place, 'vault.keyhold.2026-12-02T09-00-00-001Z.damaged.before-restore.bak')).toMatchObject({ reason: 'before-restore', damagedCopy: true })
  })

  it('are not another vault’s, a temporary copy, or anything else in the folder', () => {
    for (const name of [
      'other.keyhold.2026-11-24T00-00-00-000Z.v0001.bak',
      'vault.keyhold.2026-11-24T00-00-00-000Z.v0001.bak.partial-0a1b2c',
      'vault.keyhold.2026-11-24T00-00-00-000Z.v0001.weekly.bak',
      'vault.keyhold.2026-13-45T00-00-00-000Z.v0001.bak',
      'vault.keyhold.2026-11-24T00-00-00-000Z.v0001.bak-journal',
    ]) {
      expect(parseBackupName(place, name), name).toBeUndefined()
    }
  })

  it('cross the contract as a file name only, never a path', () => {
    expect(backupIdSchema.safeParse('vault.keyhold.2026-11-24T00-00-00-000Z.v0001.bak').success).toBe(true)
    for (const bad of ['../vault.keyhold.bak', '/data/backups/vault.keyhold.2026-11-24T00-00-00-000Z.v0001.bak', 'vault.keyhold.x/../../y.bak', 'vault.keyhold..bak\u0000']) {
      expect(backupIdSchema.safeParse(bad).success, bad).toBe(false)
    }
  })
})
