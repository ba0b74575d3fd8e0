import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { AuthenticationError, gcmDecipher, open, seal } from '../../electron/core/vault/aead'

const key = randomBytes(32)
const aad = 'keyhold|record|v1|vault|record|secret'
const plaintext = Buffer.from('CANARY-aead-secret-value')

describe('AES-256-GCM blobs', () => {
  it('round-trips and uses a fresh nonce on every write', () => {
    const a = seal(key, plaintext, aad)
    const b = seal(key, plaintext, aad)
    expect(open(key, a, aad)).toEqual(plaintext)
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false)
    expect(a.length).toBe(1 + 12 + plaintext.length + 16)
  })

  it('refuses every single-byte change of version, nonce, ciphertext and tag', () => {
    const blob = seal(key, plaintext, aad)
    for (let i = 0; i < blob.length; i++) {
      const tampered = Buffer.from(blob)
      tampered[i] = (tampered[i] as number) ^ 0x01
      expect(() => open(key, tampered, aad), `byte ${i}`).toThrow(AuthenticationError)
    }
  })

  it('refuses a truncated tag of any length (Node would accept 4 bytes without authTagLength)', () => {
    const blob = seal(key, plaintext, aad)
    for (let cut = 1; cut <= 12; cut++) {
      expect(() => open(key, blob.subarray(0, blob.length - cut), aad)).toThrow(AuthenticationError)
    }
  })

  it('refuses a forged short tag: the first 4 bytes of the real tag, given to the decipher itself', () => {
    const blob = seal(key, plaintext, aad)
    const nonce = blob.subarray(1, 13)
    const body = blob.subarray(13, blob.length - 16)
    const shortTag = blob.subarray(blob.length - 16, blob.length - 12)
    // Without authTagLength, Node takes this 4-byte prefix and final() succeeds: a 2^-32 forgery.
    const forged = () => {
      const d = gcmDecipher(key, nonce)
      d.setAAD(Buffer.from(aad, 'utf8'))
      d.setAuthTag(shortTag)
      return Buffer.concat([d.update(body), d.final()])
    }
    expect(forged).toThrow()
    // And as a stored blob: ciphertext followed by only those 4 tag bytes.
    const truncated = Buffer.concat([blob.subarray(0, blob.length - 16), shortTag])
    expect(() => open(key, truncated, aad)).toThrow(AuthenticationError)
  })

  it('refuses another AAD (a blob moved to another record or field) and another key', () => {
    const blob = seal(key, plaintext, aad)
    expect(() => open(key, blob, aad.replace('secret', 'meta'))).toThrow(AuthenticationError)
    expect(() => open(randomBytes(32), blob, aad)).toThrow(AuthenticationError)
  })

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.string(), (bytes, anyAad) => {
        const data = Buffer.from(bytes)
        expect(open(key, seal(key, data, anyAad), anyAad)).toEqual(data)
      }),
      { numRuns: 200 },
    )
  })
})
