import { createHash } from 'node:crypto'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { describe, expect, it } from 'vitest'
import { generateSharePassphrase, parseShareCode, shareFileName } from '../../../electron/core/sharing/share-file'
import { crockford, looksLikeShareCode, normalizeSharePassphrase, shareCodeFingerprint } from '../../../electron/shared/sharing'

const GROUPED = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4})*$/

describe('the sharing code and its fingerprint', () => {
  it('is 4 groups of 4 Crockford base32 characters: the first 80 bits of SHA-256 of the code', async () => {
    const code = await identityToRecipient(await generateX25519Identity())
    const fingerprint = await shareCodeFingerprint(code)
    expect(fingerprint).toMatch(GROUPED)
    expect(fingerprint.split('-')).toHaveLength(4)
    const digest = createHash('sha256').update(code).digest()
    expect(fingerprint.replaceAll('-', '')).toBe(crockford(digest.subarray(0, 10), 16))
    // The same code pasted with a line break and in capitals reads the same fingerprint.
    expect(await shareCodeFingerprint(`${code.slice(0, 20).toUpperCase()}\n ${code.slice(20)}`)).toBe(fingerprint)
    // Another code, another fingerprint.
    expect(await shareCodeFingerprint(await identityToRecipient(await generateX25519Identity()))).not.toBe(fingerprint)
  })

  it('spells bytes in Crockford base32, 5 bits a character', () => {
    expect(crockford(Uint8Array.from([0, 0, 0, 0, 0]), 8)).toBe('00000000')
    expect(crockford(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]), 8)).toBe('ZZZZZZZZ')
    // 00001000 01000010 00010000 10000100 00100001: eight groups of 00001.
    expect(crockford(Uint8Array.from([0x08, 0x42, 0x10, 0x84, 0x21]), 8)).toBe('11111111')
  })

  it('takes a real code, however it was wrapped, and refuses the rest with SHARE_CODE_INVALID', async () => {
    const code = await identityToRecipient(await generateX25519Identity())
    expect(parseShareCode(` ${code.toUpperCase()}\n`)).toBe(code)
    expect(looksLikeShareCode(code)).toBe(true)
    const flipped = `${code.slice(0, -1)}${code.endsWith('q') ? 'p' : 'q'}`
    for (const bad of ['', 'age1', flipped, `${code}q`, `age1pq1${'q'.repeat(58)}`, 'AGE-SECRET-KEY-1QQQ']) {
      expect(() => parseShareCode(bad), bad).toThrow(expect.objectContaining({ code: 'SHARE_CODE_INVALID', field: 'to.code' }))
    }
    expect(looksLikeShareCode('hello')).toBe(false)
  })
})

describe('a generated passphrase', () => {
  it('is 28 Crockford base32 characters (140 bits) in 7 groups of 4, different each time', () => {
    const made = new Set(Array.from({ length: 200 }, () => generateSharePassphrase()))
    expect(made.size).toBe(200)
    for (const p of made) {
      expect(p).toMatch(GROUPED)
      expect(p.replaceAll('-', '')).toHaveLength(28)
    }
    // Every character of the alphabet turns up: the draw is not stuck on part of it.
    const seen = new Set([...made].join('').replaceAll('-', ''))
    expect(seen.size).toBe(32)
  })

  it('is read back however it was typed: case, spaces, dashes, and O, I, L for 0, 1, 1', () => {
    expect(normalizeSharePassphrase('abcd efgh-0011 22')).toBe('ABCD-EFGH-0011-22')
    expect(normalizeSharePassphrase('OIL0 ab')).toBe('0110-AB')
    const p = generateSharePassphrase()
    expect(normalizeSharePassphrase(p.toLowerCase().replaceAll('-', '  '))).toBe(p)
  })
})

describe("a share file's name", () => {
  it("is the key's name, without what a file system or a shell would trip on", () => {
    expect(shareFileName('Spreeflo newsletter')).toBe('Spreeflo newsletter.keyhold-share')
    expect(shareFileName('../../etc/passwd')).toBe('etc passwd.keyhold-share')
    expect(shareFileName('a/b\\c:d*e?"<>|')).toBe('a b c d e.keyhold-share')
    expect(shareFileName('...')).toBe('key.keyhold-share')
    expect(shareFileName('x'.repeat(300))).toBe(`${'x'.repeat(80)}.keyhold-share`)
  })
})
