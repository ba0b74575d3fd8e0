import { readFileSync, existsSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import type { NewKeyInput } from '../../electron/shared/dto'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { type Sandboxes } from '../sandbox'
import { keyInputs, secretFor, useCheckCore } from '../support/checks'
import { call, callError } from '../support/core'
import { STRONG_PASSWORD } from '../support/fixtures'

let sandboxes: Sandboxes
let core: KeyholdCore

useCheckCore(400, (env) => ({ sandboxes, core } = env))

/** The vault's file and its WAL, as bytes someone with the disk would read. */
function rawVaultBytes(): Buffer {
  const file = core.paths.vaultFile
  return Buffer.concat([file, `${file}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)))
}

function sealedSecretBlob(id: string): Buffer | null {
  const db = new BetterSqlite3(core.paths.vaultFile, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT secret FROM keys WHERE id = ?').get(id) as { secret: Buffer | null }).secret
  } finally {
    db.close()
  }
}

const cases: [string, () => NewKeyInput & { secret: string }, () => void][] = []
function provider(name: string, make: (s: string) => NewKeyInput & { secret: string }, add: (s: string) => void, revoke: (s: string) => void): void {
  let secret = ''
  cases.push([
    name,
    () => {
      secret = secretFor(`rv-${name}`)
      add(secret)
      return make(secret)
    },
    () => revoke(secret),
  ])
}
provider('Threadeo', (s) => ({ ...keyInputs.threadeo(s, 'acme', `TD-RV-${s}`), secret: s }), (s) => sandboxes.threadeo.addKey({ secret: s, apiKey: `TD-RV-${s}`, tenant: 'acme' }), (s) => sandboxes.threadeo.revoke(s))
provider('Spreeflo', (s) => ({ ...keyInputs.spreeflo(s), secret: s }), (s) => sandboxes.spreeflo.addKey({ secret: s }), (s) => sandboxes.spreeflo.revoke(s))
provider('Custom', (s) => ({ ...keyInputs.custom(s, sandboxes.custom.url, { kind: 'bearer' }), secret: s }), (s) => sandboxes.custom.addKey({ secret: s }), (s) => sandboxes.custom.revoke(s))

describe('verify revoked, over real HTTP', () => {
  it.each(cases)('%s: a key the sandbox revoked is confirmed, its secret wiped from disk, its record and history kept', async (_name, make, revoke) => {
    const input = make()
    const { id } = await call(core, 'keyhold:keys.add', input)
    expect((await call(core, 'keyhold:keys.check', { id })).outcome).toBe('valid')
    // The vault holds its file exclusively while unlocked: read the sealed blob while locked.
    await call(core, 'keyhold:vault.lock')
    const blob = sealedSecretBlob(id)
    expect(blob).not.toBeNull()
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    revoke()

    const result = await call(core, 'keyhold:keys.verifyRevoked', { id })
    expect(result.verdict).toBe('confirmed')
    expect(result.revokedAt).toEqual(expect.any(Number))
    expect(result.sentence).toMatch(/^Revoked — verified/)

    // The secret is gone: from the store, and from the bytes of the file and its WAL.
    expect(() => core.vault.keys().readSecret(id)).toThrow(expect.objectContaining({ code: 'KEY_REVOKED' }))
    // Read while the vault is still open: the WAL on disk, not only what a clean close leaves.
    const bytes = rawVaultBytes()
    expect(bytes.indexOf(blob as Buffer)).toBe(-1)
    expect(bytes.indexOf(Buffer.from(input.secret))).toBe(-1)

    // The record and its history stay, listed with revokedAt.
    const entry = (await call(core, 'keyhold:keys.list')).find((e) => e.id === id)
    expect(entry).toMatchObject({ id, revokedAt: result.revokedAt, hasSecret: false, name: input.name })
    expect((await call(core, 'keyhold:keys.history', { id })).map((c) => c.id)).toEqual([result.check.id, expect.any(String)])

    // A revoked key refuses every use of its values with one plain sentence.
    for (const [channel, input] of [
      ['keyhold:keys.copy', { id, field: 'secret' }],
      ['keyhold:keys.reveal', { id, field: 'secret' }],
      ['keyhold:keys.check', { id }],
      ['keyhold:keys.verifyRevoked', { id }],
    ] as const) {
      expect(await callError(core, channel, input), channel).toMatchObject({ code: 'KEY_REVOKED', message: ERROR_MESSAGES.KEY_REVOKED })
    }

    // The archive survives a lock and unlock (revoked_at is read from the row, not the snapshot).
    await call(core, 'keyhold:vault.lock')
    expect(sealedSecretBlob(id)).toBeNull()
    expect(rawVaultBytes().indexOf(blob as Buffer)).toBe(-1)
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await call(core, 'keyhold:keys.list')).find((e) => e.id === id)).toMatchObject({ revokedAt: result.revokedAt, hasSecret: false })
  })

  it('a key that still works is a loud "still works", and nothing is wiped', async () => {
    const s = secretFor('rv-still')
    sandboxes.spreeflo.addKey({ secret: s })
    const { id } = await call(core, 'keyhold:keys.add', keyInputs.spreeflo(s))
    const result = await call(core, 'keyhold:keys.verifyRevoked', { id })
    expect(result).toMatchObject({ verdict: 'still-works', revokedAt: null, sentence: 'This key still works — it was not revoked. Nothing was wiped.' })
    expect(core.vault.keys().readSecret(id)).toBe(s)
    expect((await call(core, 'keyhold:keys.get', { id })).revokedAt).toBeNull()
  })

  it.each([
    ['a 503', { kind: 'status', status: 503 }],
    ['a timeout', { kind: 'hang' }],
  ] as const)('an answer that proves nothing (%s) is "unclear", and nothing is wiped', async (_label, fault) => {
    const s = secretFor('rv-unclear')
    sandboxes.spreeflo.addKey({ secret: s })
    const { id } = await call(core, 'keyhold:keys.add', keyInputs.spreeflo(s))
    sandboxes.spreeflo.revoke(s)
    sandboxes.spreeflo.setFaults([{ fault }])
    const result = await call(core, 'keyhold:keys.verifyRevoked', { id })
    expect(result).toMatchObject({ verdict: 'unclear', revokedAt: null })
    expect(result.sentence).toMatch(/^Keyhold could not tell whether the key is revoked.*Check again later/)
    expect(core.vault.keys().readSecret(id)).toBe(s)
    // Once the provider answers, checking again confirms.
    sandboxes.spreeflo.setFaults([])
    expect((await call(core, 'keyhold:keys.verifyRevoked', { id })).verdict).toBe('confirmed')
  })
})

describe('ThreatSTOP: 11001 confirms only for a key that worked from here before', () => {
  it('a key that worked, then gets 11001, is confirmed, and the sentence says why', async () => {
    const s = secretFor('rv-ts')
    sandboxes.threatstop.addKey({ secret: s, services: ['devices'] })
    const { id } = await call(core, 'keyhold:keys.add', keyInputs.threatstop(s))
    expect((await call(core, 'keyhold:keys.check', { id })).outcome).toBe('valid')
    sandboxes.threatstop.revoke(s)
    const result = await call(core, 'keyhold:keys.verifyRevoked', { id })
    expect(result.check.outcome).toBe('blocked')
    expect(result.verdict).toBe('confirmed')
    expect(result.sentence).toContain(
      'ThreatSTOP answers an unknown key and a key from another network the same way; this key worked from this computer before, so the answer means it was deleted',
    )
    expect(() => core.vault.keys().readSecret(id)).toThrow(expect.objectContaining({ code: 'KEY_REVOKED' }))
  })

  it('a key never seen working that gets 11001 is "unclear", and nothing is wiped', async () => {
    const s = secretFor('rv-ts-never')
    const { id } = await call(core, 'keyhold:keys.add', keyInputs.threatstop(s))
    const result = await call(core, 'keyhold:keys.verifyRevoked', { id })
    expect(result.check.outcome).toBe('blocked')
    expect(result).toMatchObject({ verdict: 'unclear', revokedAt: null })
    expect(core.vault.keys().readSecret(id)).toBe(s)
  })
})
