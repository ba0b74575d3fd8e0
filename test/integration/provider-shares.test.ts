import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { MIGRATIONS } from '../../electron/core/store/migrations'
import { BUILT_IN_PROVIDERS } from '../../electron/shared/providers'
import { keyInputs } from '../support/checks'
import { call, callError, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { writeLegacyVault } from '../support/legacy-vault'

const threatstop = BUILT_IN_PROVIDERS.find((p) => p.id === 'threatstop')
const sharing = threatstop?.constraints.providerSharing
// Unusual enough that a match in the file's bytes can only be the recipient's name.
const RECIPIENT = 'Quentin Zarkowski-Obelisk'

let dir: ReturnType<typeof tempDir>
let core: KeyholdCore
beforeEach(async () => {
  dir = tempDir('keyhold-provider-shares-')
  core = testCore(dir.path)
})
afterEach(async () => {
  await core.shutdown()
  dir.remove()
})

const filesUnder = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(d, e.name)) : [join(d, e.name)]))
const kinds = async (id: string) => (await call(core, 'keyhold:activity.list', { keyId: id })).map((a) => (a.damaged ? 'damaged' : `${a.kind}${a.detail ? ` ${JSON.stringify(a.detail)}` : ''}`))

async function threatstopKey(name = 'Firewall sync') {
  return call(core, 'keyhold:keys.add', { ...keyInputs.threatstop('ts-secret-for-sharing'), name })
}

describe('shares recorded at the provider (ThreatSTOP’s Share Key)', () => {
  it('records with whom and when, sealed in the key’s meta, with the provider’s warnings and a "shared" entry', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const key = await threatstopKey()
    expect(key.shares).toEqual([])
    const before = Date.now()
    const recorded = await call(core, 'keyhold:keys.recordShare', { id: key.id, with: `  ${RECIPIENT} ` })
    expect(recorded.share).toEqual({ shareId: expect.any(String), with: RECIPIENT, sharedAt: expect.any(Number) })
    expect(recorded.share.sharedAt).toBeGreaterThanOrEqual(before)
    expect(recorded.key.shares).toEqual([recorded.share])
    // The document's words at that moment: permissions unchanged, valid for its organization only, unsharing is not enough.
    const texts = recorded.warnings.map((w) => w.text)
    expect(texts).toContain(sharing?.text)
    expect(texts).toContain(sharing?.unsharingDoesNotInvalidate)
    expect(texts).toContain(threatstop?.constraints.ownedBy)
    expect(recorded.warnings.find((w) => w.text === sharing?.unsharingDoesNotInvalidate)?.level).toBe('danger')
    expect(await kinds(key.id)).toEqual(['shared {"via":"provider"}', 'created'])
    expect((await call(core, 'keyhold:keys.get', { id: key.id })).shares).toEqual([recorded.share])

    // An edit keeps the shares; nothing of them is in any file Keyhold wrote, in any encoding.
    await call(core, 'keyhold:keys.update', { id: key.id, changes: { name: 'Renamed' } })
    expect((await call(core, 'keyhold:keys.get', { id: key.id })).shares).toEqual([recorded.share])
    await call(core, 'keyhold:vault.lock')
    const written = filesUnder(dir.path)
    expect(written.some((f) => f.endsWith('vault.keyhold'))).toBe(true)
    for (const file of written) {
      const bytes = readFileSync(file)
      for (const needle of ['Zarkowski', recorded.share.shareId]) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${file}`).toBe(false)
        expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (UTF-16) in ${file}`).toBe(false)
      }
    }
  })

  it('keeps the shares across unlocks, from the list snapshot and from the records one by one', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const key = await threatstopKey()
    const plain = await threatstopKey('Never shared')
    const { share } = await call(core, 'keyhold:keys.recordShare', { id: key.id, with: RECIPIENT })
    // The lock writes the snapshot; the unlock reads the keys from it.
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await call(core, 'keyhold:keys.get', { id: key.id })).shares).toEqual([share])
    expect((await call(core, 'keyhold:keys.get', { id: plain.id })).shares).toEqual([])
    expect(await core.vault.keys().verified).toEqual([])
    // Without the snapshot every record is opened by itself.
    await core.shutdown()
    const db = new BetterSqlite3(core.paths.vaultFile)
    db.prepare('DELETE FROM list_snapshot').run()
    db.close()
    core = testCore(dir.path)
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await call(core, 'keyhold:keys.get', { id: key.id })).shares).toEqual([share])
    expect((await call(core, 'keyhold:keys.get', { id: plain.id })).shares).toEqual([])
  })

  it('records the unshare with its "unshared" entry and warning; an unknown or ended share is refused and nothing changes', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const key = await threatstopKey()
    const first = await call(core, 'keyhold:keys.recordShare', { id: key.id, with: RECIPIENT })
    const second = await call(core, 'keyhold:keys.recordShare', { id: key.id, with: 'ada@example.org' })
    const ended = await call(core, 'keyhold:keys.recordUnshare', { id: key.id, shareId: first.share.shareId })
    expect(ended.share).toEqual({ ...first.share, unsharedAt: expect.any(Number) })
    expect(ended.warnings.map((w) => w.text)).toEqual([sharing?.unsharingDoesNotInvalidate])
    expect(ended.key.shares).toEqual([ended.share, second.share])
    expect(await kinds(key.id)).toEqual(['unshared', 'shared {"via":"provider"}', 'shared {"via":"provider"}', 'created'])
    expect(await callError(core, 'keyhold:keys.recordUnshare', { id: key.id, shareId: first.share.shareId })).toEqual({
      code: 'INVALID_INPUT',
      field: 'shareId',
      message: 'This share was already recorded as ended.',
    })
    expect(await callError(core, 'keyhold:keys.recordUnshare', { id: key.id, shareId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'INVALID_INPUT', field: 'shareId' })
    expect((await call(core, 'keyhold:keys.get', { id: key.id })).shares).toEqual(ended.key.shares)
    expect(await kinds(key.id)).toHaveLength(4)

    const rowSharing = async () => (await call(core, 'keyhold:keys.list')).map((e) => (e.damaged ? 'damaged' : (e.sharing ?? 'never')))
    // One share still open: the list row says it is shared; with both ended, that it was.
    expect(await rowSharing()).toEqual(['shared'])
    await call(core, 'keyhold:keys.recordUnshare', { id: key.id, shareId: second.share.shareId })
    expect(await rowSharing()).toEqual(['was-shared'])
    core.vault.keys().markRevoked(key.id)
    expect(await rowSharing()).toEqual(['never'])
  })

  it('refuses a recipient that is empty, not one line, or too long — naming the field', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const key = await threatstopKey()
    for (const bad of ['', '   ', 'Ada\nLovelace', 'x'.repeat(201)]) {
      expect(await callError(core, 'keyhold:keys.recordShare', { id: key.id, with: bad }), JSON.stringify(bad)).toMatchObject({ field: 'with' })
    }
    expect(await callError(core, 'keyhold:keys.recordShare', { id: key.id, with: 'Ada\u0007' })).toMatchObject({ code: 'NAME_CONTROL_CHARS', field: 'with' })
    expect((await call(core, 'keyhold:keys.get', { id: key.id })).shares).toEqual([])
  })

  it('answers INVALID_INPUT with a sentence for a provider with no sharing of its own, and records nothing', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    for (const input of [keyInputs.spreeflo('sf-secret'), keyInputs.threadeo('td-secret', 'acme', 'TD-1'), keyInputs.custom('cu-secret', 'https://api.example.test', { kind: 'bearer' })]) {
      const key = await call(core, 'keyhold:keys.add', input)
      const error = await callError(core, 'keyhold:keys.recordShare', { id: key.id, with: RECIPIENT })
      expect(error).toEqual({ code: 'INVALID_INPUT', field: 'id', message: expect.stringMatching(/^This provider has no sharing of its own/) })
      expect((await call(core, 'keyhold:keys.get', { id: key.id })).shares).toEqual([])
      expect(await kinds(key.id)).toEqual(['created'])
    }
  })

  it('keeps a revoked key’s shares as history and records no more on it', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const key = await threatstopKey()
    const { share } = await call(core, 'keyhold:keys.recordShare', { id: key.id, with: RECIPIENT })
    core.vault.keys().markRevoked(key.id)
    const revoked = await call(core, 'keyhold:keys.get', { id: key.id })
    expect(revoked).toMatchObject({ revokedAt: expect.any(Number), shares: [share] })
    expect(await callError(core, 'keyhold:keys.recordShare', { id: key.id, with: 'Someone else' })).toMatchObject({ code: 'KEY_REVOKED' })
    expect(await callError(core, 'keyhold:keys.recordUnshare', { id: key.id, shareId: share.shareId })).toMatchObject({ code: 'KEY_REVOKED' })
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await call(core, 'keyhold:keys.get', { id: key.id })).shares).toEqual([share])
  })

  it('reads records written before shares existed, and records a share on them', async () => {
    await core.shutdown()
    const legacy = await writeLegacyVault(dir.path, MIGRATIONS.length)
    core = testCore(dir.path)
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await core.vault.keys().verified).toEqual([])
    for (const k of legacy.keys) expect(await call(core, 'keyhold:keys.get', { id: k.id })).toMatchObject({ ...k.meta, shares: [] })
    const old = legacy.keys.find((k) => k.meta.details.provider === 'threatstop')
    expect(old).toBeDefined()
    const { share } = await call(core, 'keyhold:keys.recordShare', { id: old?.id, with: RECIPIENT })
    expect((await call(core, 'keyhold:keys.get', { id: old?.id })).shares).toEqual([share])
  })
})
