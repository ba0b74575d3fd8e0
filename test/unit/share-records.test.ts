import { randomBytes, randomUUID } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { readSnapshot, writeSnapshot, type SnapshotEntry } from '../../electron/core/keys/list-snapshot'
import { RecordCodec, type KeyMeta } from '../../electron/core/keys/record-codec'
import { parseStoredMeta } from '../../electron/core/keys/stored-meta'
import { migration0002ListSnapshot } from '../../electron/core/store/migrations/0002-list-snapshot'
import { BUILT_IN_PROVIDERS } from '../../electron/shared/providers'
import { openShares, recordsShares, shareWarnings, type ShareRecord } from '../../electron/shared/shares'
import { dedicatedKeyName } from '../../renderer/src/share-ui'

const meta = (name: string, shares?: readonly ShareRecord[]): KeyMeta => ({
  name,
  account: '',
  notes: '',
  tags: [],
  expiresOn: null,
  details: { provider: 'threatstop', service: 'devices' },
  ...(shares ? { shares } : {}),
})
const share = (at: number, unsharedAt?: number): ShareRecord => ({ shareId: randomUUID(), with: 'Ada', sharedAt: at, ...(unsharedAt === undefined ? {} : { unsharedAt }) })

function snapshotDb() {
  const db = new BetterSqlite3(':memory:')
  migration0002ListSnapshot.up(db)
  return db
}

describe('share records in the sealed meta and the list snapshot', () => {
  it('reads a meta written before shares existed, and refuses a malformed share', () => {
    expect(parseStoredMeta(meta('Old'))).toEqual(meta('Old'))
    expect(parseStoredMeta(meta('Shared', [share(1)])).shares).toHaveLength(1)
    expect(() => parseStoredMeta({ ...meta('Bad'), shares: [{ shareId: 'not-a-uuid', with: 'Ada', sharedAt: 1 }] })).toThrow()
    expect(() => parseStoredMeta({ ...meta('Bad'), shares: [{ ...share(1), extra: 'field' }] })).toThrow()
  })

  it('round-trips shares through the snapshot, only for the keys that have them', () => {
    const db = snapshotDb()
    const codec = new RecordCodec(randomBytes(32), 'vault-a')
    const shared = meta('Shared', [share(1, 2), share(3)])
    const entries: [string, SnapshotEntry][] = [
      ['a', { updatedAt: 1, metaTag: 'A', meta: meta('Plain') }],
      ['b', { updatedAt: 2, metaTag: 'B', meta: shared }],
    ]
    writeSnapshot(db, codec, entries, 5)
    const read = readSnapshot(db, codec)
    expect(read.get('a')?.meta).toEqual(meta('Plain'))
    expect(read.get('b')?.meta).toEqual(shared)
  })

  it('reads a snapshot written before shares existed (no shares column)', () => {
    const db = snapshotDb()
    const codec = new RecordCodec(randomBytes(32), 'vault-b')
    const old = { id: ['a'], updatedAt: [1], metaTag: ['A'], name: ['Plain'], account: [''], notes: [''], tags: [[]], expiresOn: [null], details: [{ provider: 'threatstop', service: 'devices' }] }
    db.prepare('INSERT INTO list_snapshot (id, format, blob, written_at) VALUES (1, 1, ?, 0)').run(codec.sealSnapshot(JSON.stringify(old)))
    expect(readSnapshot(db, codec).get('a')?.meta).toEqual(meta('Plain'))
    // A shares entry pointing past the rows is a damaged snapshot: ignored, as any other.
    db.prepare('UPDATE list_snapshot SET blob = ?').run(codec.sealSnapshot(JSON.stringify({ ...old, shares: { '1': [share(1)] } })))
    expect(readSnapshot(db, codec).size).toBe(0)
  })
})

describe('what the window and core say about shares', () => {
  const threatstop = BUILT_IN_PROVIDERS.find((p) => p.id === 'threatstop')
  it('records shares only for a provider whose share guide has a record-share step', () => {
    expect(BUILT_IN_PROVIDERS.filter(recordsShares).map((p) => p.id)).toEqual(['threatstop'])
  })

  it('gives the document’s words at sharing and at unsharing', () => {
    if (!threatstop) throw new Error('ThreatSTOP is built in')
    const sharing = threatstop.constraints.providerSharing
    expect(shareWarnings(threatstop, 'share').map((w) => w.text)).toEqual([sharing?.text, threatstop.constraints.ownedBy, sharing?.unsharingDoesNotInvalidate])
    expect(shareWarnings(threatstop, 'unshare').map((w) => w.text)).toEqual([sharing?.unsharingDoesNotInvalidate])
    for (const other of BUILT_IN_PROVIDERS.filter((p) => p !== threatstop)) expect(shareWarnings(other, 'share')).toEqual([])
  })

  it('counts no share open on a revoked key, nor an ended one', () => {
    const open = share(1)
    expect(openShares([open, share(1, 2)], null)).toEqual([open])
    expect(openShares([open], 5)).toEqual([])
  })

  it('names a dedicated key for its recipient within the name’s 200 characters', () => {
    expect(dedicatedKeyName('Firewall sync', ' Ada ')).toBe('Firewall sync for Ada')
    const long = dedicatedKeyName('k'.repeat(200), 'Ada Lovelace')
    expect(long).toHaveLength(200)
    expect(long.endsWith(' for Ada Lovelace')).toBe(true)
  })
})
