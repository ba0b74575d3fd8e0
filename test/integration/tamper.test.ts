import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import type { KdfParams } from '../../electron/core/vault/kdf-params'
import { createWorkerKdf, type KdfRunner } from '../../electron/core/vault/kdf-worker'
import type { KeyDetail } from '../../electron/shared/dto'
import { call, callError, testCore } from '../support/core'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

let dir: ReturnType<typeof tempDir>
let core: KeyholdCore
let derivations: KdfParams[]

beforeEach(() => {
  dir = tempDir()
  derivations = []
  const real = createWorkerKdf()
  const counting: KdfRunner = {
    derive: (password, params) => {
      derivations.push(params)
      return real.derive(password, params)
    },
  }
  core = testCore(dir.path, { kdf: counting })
})
afterEach(async () => {
  await core.shutdown()
  dir.remove()
})

/** Edits the closed vault file directly, as someone with the file (and no password) could. */
function editFile(sql: (db: BetterSqlite3.Database) => void): void {
  const db = new BetterSqlite3(core.paths.vaultFile)
  sql(db)
  db.close()
}

const blob = (db: BetterSqlite3.Database, id: string, field: 'meta' | 'secret') =>
  (db.prepare(`SELECT ${field} AS b FROM keys WHERE id = ?`).get(id) as { b: Buffer }).b
const setBlob = (db: BetterSqlite3.Database, id: string, field: 'meta' | 'secret', value: Buffer) =>
  db.prepare(`UPDATE keys SET ${field} = ? WHERE id = ?`).run(value, id)
const flip = (b: Buffer, at: number) => {
  const copy = Buffer.from(b)
  copy[at] = (copy[at] as number) ^ 0x80
  return copy
}

describe('a tampered vault file', () => {
  it('reports only the damaged records and opens every other one', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const keys = [...sampleKeys('t1'), ...sampleKeys('t2')].slice(0, 7)
    const added: KeyDetail[] = []
    for (const k of keys) added.push(await call(core, 'keyhold:keys.add', k))
    const [a, b, c, d, e, f, g] = added.map((k) => k.id) as [string, string, string, string, string, string, string]
    await call(core, 'keyhold:vault.lock')

    editFile((db) => {
      setBlob(db, a, 'meta', flip(blob(db, a, 'meta'), 5)) // nonce
      const bm = blob(db, b, 'meta')
      setBlob(db, b, 'meta', flip(bm, bm.length - 1)) // tag
      const cm = blob(db, c, 'meta')
      setBlob(db, c, 'meta', blob(db, d, 'meta')) // swap two records' meta
      setBlob(db, d, 'meta', cm)
      const em = blob(db, e, 'meta')
      setBlob(db, e, 'meta', em.subarray(0, em.length - 4)) // truncated tag
      setBlob(db, f, 'secret', blob(db, g, 'secret')) // another record's secret
      setBlob(db, b, 'secret', blob(db, b, 'meta')) // a field's blob in another field
    })

    const changed: string[] = []
    core.events.subscribe((event, payload) => {
      if (event === 'keyhold:keys.changed') changed.push(...(payload as { ids: string[] }).ids)
    })
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    // Records whose tag is intact were listed from the snapshot; the background check finds the rest.
    const foundLater = await core.vault.keys().verified
    expect(foundLater.length).toBeGreaterThan(0)
    expect(changed.sort()).toEqual([...foundLater].sort())
    const list = await call(core, 'keyhold:keys.list')
    const damaged = list.filter((entry) => entry.damaged).map((entry) => entry.id)
    expect(damaged.sort()).toEqual([a, b, c, d, e].sort())
    expect(list.filter((entry) => !entry.damaged).map((entry) => entry.id).sort()).toEqual([f, g].sort())

    expect(await callError(core, 'keyhold:keys.get', { id: a })).toMatchObject({ code: 'KEY_DAMAGED' })
    expect(() => core.vault.keys().readSecret(f)).toThrow(expect.objectContaining({ code: 'KEY_DAMAGED' }))
    expect(core.vault.keys().readSecret(g)).toBe(keys[6]?.secret)
    expect(await call(core, 'keyhold:keys.get', { id: g })).toMatchObject({ name: keys[6]?.name })

    // A damaged record can still be removed, and the rest of the vault keeps working.
    await call(core, 'keyhold:keys.delete', { id: a })
    await call(core, 'keyhold:keys.add', sampleKeys('t3')[0])
    expect((await call(core, 'keyhold:keys.list')).filter((entry) => entry.damaged)).toHaveLength(4)
  })

  it('refuses a stored blob whose tag was cut to its first 4 bytes (a forged short tag)', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const [x, y] = [await call(core, 'keyhold:keys.add', sampleKeys('t4')[0]), await call(core, 'keyhold:keys.add', sampleKeys('t4')[1])]
    await call(core, 'keyhold:vault.lock')
    const shortTag = (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 16), b.subarray(b.length - 16, b.length - 12)])
    editFile((db) => {
      setBlob(db, x.id, 'secret', shortTag(blob(db, x.id, 'secret')))
      setBlob(db, y.id, 'meta', shortTag(blob(db, y.id, 'meta')))
    })
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    await core.vault.keys().verified
    expect(() => core.vault.keys().readSecret(x.id)).toThrow(expect.objectContaining({ code: 'KEY_DAMAGED' }))
    expect((await call(core, 'keyhold:keys.list')).filter((e) => e.damaged).map((e) => e.id)).toEqual([y.id])
  })

  it.each([
    ['memory below the floor', 'kdf_memory_kib = 1024'],
    ['a single iteration', 'kdf_iterations = 1'],
    ['a short salt', "kdf_salt = x'00112233'"],
    ['a huge memory cost', 'kdf_memory_kib = 4194304'],
  ])('refuses a header with %s before any KDF runs', async (_label, change) => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await call(core, 'keyhold:vault.lock')
    editFile((db) => db.exec(`UPDATE vault_header SET ${change}`))
    const before = derivations.length
    expect(await callError(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ code: 'VAULT_HEADER_TAMPERED' })
    expect(derivations.length).toBe(before)
  })

  it.each([
    ['more iterations than it was made with', 'kdf_iterations = kdf_iterations + 1'],
    ['another salt of the same length', "kdf_salt = randomblob(16)"],
    ['another vault id', "vault_id = 'someone-else'"],
  ])('refuses a header edited within range (%s): the key does not unwrap', async (_label, change) => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await call(core, 'keyhold:vault.lock')
    editFile((db) => db.exec(`UPDATE vault_header SET ${change}`))
    expect(await callError(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ code: 'WRONG_PASSWORD' })
  })
})

describe('the list snapshot', () => {
  const snapshotBlob = () => {
    const db = new BetterSqlite3(core.paths.vaultFile, { readonly: true })
    const row = db.prepare('SELECT blob FROM list_snapshot').get() as { blob: Buffer }
    db.close()
    return row.blob
  }

  it('is ignored when tampered: every record is then opened one by one', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    for (const k of sampleKeys('s1')) await call(core, 'keyhold:keys.add', k)
    await call(core, 'keyhold:vault.lock')
    const blob = snapshotBlob()
    editFile((db) => db.prepare('UPDATE list_snapshot SET blob = ?').run(flip(blob, 40)))
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await core.vault.keys().verified).toEqual([])
    expect((await call(core, 'keyhold:keys.list')).map((e) => (e.damaged ? 'damaged' : e.name)).sort()).toEqual(
      sampleKeys('s1').map((k) => k.name).sort(),
    )
  })

  it('cannot bring back an old name when an older snapshot is replayed', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const added = await call(core, 'keyhold:keys.add', sampleKeys('s2')[0])
    await call(core, 'keyhold:vault.lock')
    const old = snapshotBlob()
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    await call(core, 'keyhold:keys.update', { id: added.id, changes: { name: 'Renamed after the snapshot' } })
    await call(core, 'keyhold:vault.lock')
    editFile((db) => db.prepare('UPDATE list_snapshot SET blob = ?').run(old))
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await call(core, 'keyhold:keys.get', { id: added.id })).toMatchObject({ name: 'Renamed after the snapshot' })
  })
})
