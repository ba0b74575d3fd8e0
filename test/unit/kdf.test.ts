import { argon2Sync } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { KeyholdError } from '../../electron/core/errors'
import { deriveKey } from '../../electron/core/vault/kdf'
import {
  assertKdfParamsInRange,
  KDF_CEILING,
  KDF_FLOOR,
  SHIPPED_KDF,
  type KdfParams,
} from '../../electron/core/vault/kdf-params'
import { createWorkerKdf } from '../../electron/core/vault/kdf-worker'
import { FAST_KDF } from '../support/fixtures'

const params = (over: Partial<KdfParams> = {}): KdfParams => ({
  algorithm: 'argon2id',
  ...SHIPPED_KDF,
  salt: Buffer.from('keyhold-kat-salt'),
  ...over,
})

// Computed once with OpenSSL's Argon2id (Node 24 crypto.argon2Sync) and with hash-wasm: identical.
const KAT = 'ac4a932cac7a7220d2078209c6dae72ee3348f58ba2602d0e20982db20117991'

describe('Argon2id key derivation', () => {
  it('pins the output at the shipped parameters (known answer)', async () => {
    const key = await deriveKey('correct horse battery staple', params())
    expect(key.toString('hex')).toBe(KAT)
  })

  it('agrees with OpenSSL for other inputs, in the worker too', async () => {
    const p = params({ ...FAST_KDF, salt: Buffer.from('0123456789abcdef0123') })
    const expected = argon2Sync('argon2id', {
      message: 'ünïcödé pass',
      nonce: Buffer.from(p.salt),
      parallelism: p.parallelism,
      passes: p.iterations,
      memory: p.memoryKiB,
      tagLength: 32,
    })
    expect(await deriveKey('ünïcödé pass', p)).toEqual(expected)
    expect(await createWorkerKdf().derive('ünïcödé pass', p)).toEqual(expected)
  })

  it('normalizes the password to NFKC: composed and decomposed input derive the same key', async () => {
    const p = params(FAST_KDF)
    const composed = 'caf\u00e9-sécurité'
    const decomposed = composed.normalize('NFD')
    expect(decomposed).not.toBe(composed)
    expect(await deriveKey(decomposed, p)).toEqual(await deriveKey(composed, p))
  })

  it('keeps the event loop free while the worker derives', async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    const started = Date.now()
    await createWorkerKdf().derive('correct horse battery staple', params())
    clearInterval(timer)
    const elapsed = Date.now() - started
    // An inline derivation would block every tick; the worker lets most of them run.
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4)
  })
})

describe('KDF parameter floor and ceiling', () => {
  const tampered: [string, Partial<KdfParams>][] = [
    ['memory below the floor', { memoryKiB: KDF_FLOOR.memoryKiB - 1 }],
    ['one iteration', { iterations: 1 }],
    ['no lanes', { parallelism: 0 }],
    ['a short salt', { salt: Buffer.alloc(8) }],
    ['memory above the ceiling', { memoryKiB: KDF_CEILING.memoryKiB + 1 }],
    ['too many iterations', { iterations: KDF_CEILING.iterations + 1 }],
    ['a fractional value', { iterations: 2.5 }],
    ['another algorithm', { algorithm: 'argon2d' as 'argon2id' }],
  ]

  it.each(tampered)('refuses %s before any derivation runs', async (_label, over) => {
    expect(() => assertKdfParamsInRange(params(over))).toThrow(KeyholdError)
    const worker = createWorkerKdf()
    await expect(deriveKey('pw', params(over))).rejects.toMatchObject({ code: 'VAULT_HEADER_TAMPERED' })
    const spy = vi.fn()
    await expect(worker.derive('pw', params(over)).then(spy)).rejects.toMatchObject({ code: 'VAULT_HEADER_TAMPERED' })
    expect(spy).not.toHaveBeenCalled()
  })

  it('accepts the shipped parameters and the floor itself', () => {
    expect(() => assertKdfParamsInRange(params())).not.toThrow()
    expect(() => assertKdfParamsInRange(params(FAST_KDF))).not.toThrow()
  })
})
