import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { bucketFor, paddedJson } from '../../electron/core/keys/length-buckets'
import { call, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'

let dir: ReturnType<typeof tempDir>
let core: KeyholdCore

beforeEach(() => {
  dir = tempDir()
  core = testCore(dir.path)
})
afterEach(async () => {
  await core.shutdown()
  dir.remove()
})

const spreeflo = (name: string, secret: string) => ({ name, details: { provider: 'spreeflo' as const, keyName: 'sync' }, secret })

describe('what the vault file says about lengths without the password', () => {
  it('seals a 4-character and a 90-character secret, and a short and a long name, to the same length', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const short = await call(core, 'keyhold:keys.add', spreeflo('A', 'abcd'))
    const long = await call(core, 'keyhold:keys.add', spreeflo('The newsletter sync for the Berlin shop, owned by Dana', 'x'.repeat(90)))
    await call(core, 'keyhold:vault.lock')

    const db = new BetterSqlite3(core.paths.vaultFile, { readonly: true })
    const row = (id: string) => db.prepare('SELECT length(meta) AS meta, length(secret) AS secret FROM keys WHERE id = ?').get(id) as { meta: number; secret: number }
    const [a, b] = [row(short.id), row(long.id)]
    db.close()
    expect(a.secret).toBe(b.secret)
    expect(a.meta).toBe(b.meta)
  })

  it('gives back the exact secret, trailing spaces of its own included, after the padding', async () => {
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const spaced = await call(core, 'keyhold:keys.add', { ...spreeflo('Spaced', '  sf-key-with-spaces  '), keepSecretAsIs: true })
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    const revealed = await call(core, 'keyhold:keys.reveal', { id: spaced.id, field: 'secret' })
    expect(revealed).toMatchObject({ value: '  sf-key-with-spaces  ' })
  })
})

describe('length buckets', () => {
  it('rounds up to the floor, then to powers of two', () => {
    expect([1, 128, 129, 256, 257].map((n) => bucketFor(n, 128))).toEqual([128, 128, 256, 256, 512])
  })

  it('pads with spaces JSON.parse ignores, counting UTF-8 bytes', () => {
    const json = JSON.stringify({ value: 'schlüssel' })
    const padded = paddedJson(json, 64)
    expect(padded.length).toBe(64)
    expect(JSON.parse(padded.toString('utf8'))).toEqual({ value: 'schlüssel' })
  })
})
