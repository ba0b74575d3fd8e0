import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption'
import { describe, expect, it } from 'vitest'
import { decryptShareFile, encryptToCode, encryptToPassphrase, generateSharePassphrase, SHARE_SCRYPT_LOG_N, SHARE_SCRYPT_MAX_LOG_N } from '../../../electron/core/sharing/share-file'

const text = new TextEncoder().encode('{"a":1}')
const refused = (code: string) => expect.objectContaining({ code })

describe('opening an age file as a share file', () => {
  it('tells a passphrase file (asks for it) from a file for a code (not for this vault)', async () => {
    const passphrase = generateSharePassphrase()
    const byPassphrase = await encryptToPassphrase(passphrase, text)
    expect(new TextDecoder().decode(byPassphrase.subarray(0, 200))).toContain(`-> scrypt `)
    expect(await decryptShareFile(byPassphrase, null, undefined)).toEqual({ needsPassphrase: true })
    expect(await decryptShareFile(byPassphrase, null, passphrase)).toEqual({ needsPassphrase: false, plaintext: text })
    await expect(decryptShareFile(byPassphrase, null, 'AAAA')).rejects.toThrow(refused('SHARE_FILE_NOT_FOR_YOU'))

    const mine = await generateX25519Identity()
    const forSomeoneElse = await encryptToCode(await identityToRecipient(await generateX25519Identity()), text)
    await expect(decryptShareFile(forSomeoneElse, mine, undefined)).rejects.toThrow(refused('SHARE_FILE_NOT_FOR_YOU'))
    // A passphrase given for a file to a code changes nothing.
    await expect(decryptShareFile(forSomeoneElse, mine, passphrase)).rejects.toThrow(refused('SHARE_FILE_NOT_FOR_YOU'))
    expect(await decryptShareFile(await encryptToCode(await identityToRecipient(mine), text), mine, undefined)).toEqual({ needsPassphrase: false, plaintext: text })
  })

  it(`makes passphrase files with scrypt 2^${SHARE_SCRYPT_LOG_N}, and refuses one asking for more than 2^${SHARE_SCRYPT_MAX_LOG_N} before doing any of it`, async () => {
    const passphrase = generateSharePassphrase()
    const made = Buffer.from(await encryptToPassphrase(passphrase, text))
    const header = made.subarray(0, made.indexOf('\n---')).toString()
    expect(header).toMatch(new RegExp(`^-> scrypt \\S{22} ${SHARE_SCRYPT_LOG_N}$`, 'm'))
    // The same file, its stanza asking for 2^19 (age itself would run up to 2^20: 1 GiB).
    const greedy = Buffer.from(made.toString('latin1').replace(/(-> scrypt \S{22}) \d+/, '$1 19'), 'latin1')
    await expect(decryptShareFile(greedy, null, passphrase)).rejects.toThrow(refused('SHARE_FILE_DAMAGED'))
    await expect(decryptShareFile(greedy, null, undefined)).rejects.toThrow(refused('SHARE_FILE_DAMAGED'))
  })

  it('refuses what is not age, or was changed, as damaged', async () => {
    const mine = await generateX25519Identity()
    const good = Buffer.from(await encryptToCode(await identityToRecipient(mine), text))
    const changed = Buffer.from(good)
    changed[changed.length - 1] = (changed[changed.length - 1] as number) ^ 0x80
    for (const bytes of [Buffer.alloc(0), Buffer.from('age-encryption.org/v1\n'), Buffer.from('hello'), good.subarray(0, good.length - 1), changed]) {
      await expect(decryptShareFile(bytes, mine, undefined)).rejects.toThrow(refused('SHARE_FILE_DAMAGED'))
    }
    // Two recipients with a passphrase among them is not a file age (or Keyhold) makes.
    const e = new Encrypter()
    e.addRecipient(await identityToRecipient(mine))
    expect(() => e.setPassphrase('x')).toThrow()
  })
})
