import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecordCodec } from '../../electron/core/keys/record-codec'
import { vaultPaths } from '../../electron/core/paths'
import { createWorkerKdf, type KdfRunner } from '../../electron/core/vault/kdf-worker'
import { Vault } from '../../electron/core/vault/vault'
import { FAST_KDF, OTHER_STRONG_PASSWORD, STRONG_PASSWORD, tempDir } from '../support/fixtures'

/*
 * What a lock and each use of the master password leave in the Buffers Keyhold holds. Strings
 * (the password as it arrives, JSON) and the KeyObject made from the vault key cannot be zeroed
 * from JavaScript; these can, and must be.
 */

let dir: ReturnType<typeof tempDir>
let vault: Vault
/** Every password-derived key the real KDF handed the vault, kept to look at after use. */
let derived: Buffer[]

beforeEach(() => {
  dir = tempDir()
  derived = []
  const real = createWorkerKdf()
  const kdf: KdfRunner = {
    async derive(password, params) {
      const key = await real.derive(password, params)
      derived.push(key)
      return key
    },
  }
  vault = new Vault({ paths: vaultPaths(dir.path), kdf, kdfParams: FAST_KDF, sleep: async () => undefined })
})
afterEach(async () => {
  await vault.lock()
  dir.remove()
})

const heldKey = () => (vault as unknown as { open?: { vaultKey: Buffer } }).open?.vaultKey
const allZero = (b: Buffer) => b.length > 0 && b.every((byte) => byte === 0)

describe('lock zeroes the vault key', () => {
  it('the Buffer the unlocked vault held is all zeros once lock has answered', async () => {
    await vault.create(STRONG_PASSWORD)
    await vault.lock()
    await vault.unlock(STRONG_PASSWORD)
    const held = heldKey() as Buffer
    expect(held).toHaveLength(32)
    expect(allZero(held)).toBe(false)
    await vault.lock()
    expect(allZero(held)).toBe(true)
    expect(heldKey()).toBeUndefined()
  })
})

describe('a password-derived key lives only for its use', () => {
  it('zeroed after create, a wrong and a right unlock, and a change of password', async () => {
    await vault.create(STRONG_PASSWORD)
    await vault.lock()
    await expect(vault.unlock('not the password at all')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' })
    await vault.unlock(STRONG_PASSWORD)
    await expect(vault.changePassword('still not it', OTHER_STRONG_PASSWORD)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' })
    await vault.changePassword(STRONG_PASSWORD, OTHER_STRONG_PASSWORD)
    // create, wrong unlock, unlock, wrong current password, current password, new password.
    expect(derived).toHaveLength(6)
    expect(derived.map(allZero)).toEqual([true, true, true, true, true, true])
  })
})

describe('a secret sealed into a record', () => {
  it('leaves no copy in the Buffer pool Node reuses for small Buffers', () => {
    const codec = new RecordCodec(randomBytes(32), 'vault-wipe')
    const secret = `CANARY-pooled-${randomBytes(6).toString('hex')}`
    // The pool in use before and after: a short Buffer.from lands in one of them.
    const pools = [Buffer.allocUnsafe(1).buffer]
    codec.sealSecret('record-1', secret)
    pools.push(Buffer.allocUnsafe(1).buffer)
    for (const pool of pools) expect(Buffer.from(pool).includes(secret)).toBe(false)
    expect(codec.openSecret('record-1', codec.sealSecret('record-1', secret))).toBe(secret)
  })
})
