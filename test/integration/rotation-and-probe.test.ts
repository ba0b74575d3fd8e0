import { describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { type Sandboxes } from '../sandbox'
import { keyInputs, secretFor, useCheckCore, useSandboxes } from '../support/checks'
import { call, callError, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { MemoryClipboard } from '../support/memory-clipboard'

let sandboxes: Sandboxes
let core: KeyholdCore

useCheckCore(400, (env) => ({ sandboxes, core } = env))

const kinds = async (keyId: string) => (await call(core, 'keyhold:activity.list', { keyId })).map((i) => (i.damaged ? null : [i.kind, i.detail]))

describe('checking a key before it is saved (the add wizard)', () => {
  it('answers what the provider says and stores nothing: no key, no check, no activity', async () => {
    const good = secretFor('probe-good')
    sandboxes.spreeflo.addKey({ secret: good })
    const works = await call(core, 'keyhold:keys.probe', { details: keyInputs.spreeflo(good).details, secret: good })
    expect(works).toMatchObject({ outcome: 'valid', httpStatus: 200 })
    const wrong = await call(core, 'keyhold:keys.probe', { details: keyInputs.spreeflo(good).details, secret: `${good}-wrong` })
    expect(wrong.outcome).toBe('invalid')
    expect(await call(core, 'keyhold:keys.list')).toEqual([])
    expect(await call(core, 'keyhold:activity.list', {})).toEqual([])
  })

  it('uses a pasted secret and keeps it held for the save that follows', async () => {
    // A core of its own with an in-memory clipboard: the capture is what is under test, not X11.
    const clipboard = new MemoryClipboard()
    const folder = tempDir()
    const mine = testCore(folder.path, { clipboard })
    try {
      await call(mine, 'keyhold:vault.create', { password: STRONG_PASSWORD })
      await useSandboxes(mine, sandboxes)
      const secret = secretFor('probe-pasted')
      sandboxes.threadeo.addKey({ secret, apiKey: 'TD-PROBE', tenant: 'acme' })
      await clipboard.writeSecret(secret)
      const { captureId } = await call(mine, 'keyhold:clipboard.capture')
      const details = { provider: 'threadeo', tenant: 'https://acme.threadeo.com/settings/api', apiKey: 'TD-PROBE' }
      expect((await call(mine, 'keyhold:keys.probe', { details, secretCaptureId: captureId })).outcome).toBe('valid')
      const added = await call(mine, 'keyhold:keys.add', { name: 'Case intake', details, secretCaptureId: captureId })
      expect(added.details).toMatchObject({ tenant: 'acme' })
      expect(mine.vault.keys().readSecret(added.id)).toBe(secret)
    } finally {
      await mine.shutdown()
      folder.remove()
    }
  })

  it('refuses invalid details with the field named, before anything is sent', async () => {
    const before = sandboxes.threadeo.received.length
    const error = await callError(core, 'keyhold:keys.probe', { details: { provider: 'threadeo', tenant: 'not a subdomain', apiKey: 'x' }, secret: 'abc' })
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'details.tenant' })
    expect(sandboxes.threadeo.received.length).toBe(before)
  })
})

describe("the providers' limits", () => {
  it('counts the active Threadeo tokens held for a tenant and API key; a revoked one no longer counts', async () => {
    const details = { provider: 'threadeo', tenant: 'acme', apiKey: 'TD-TWO' }
    const a = await call(core, 'keyhold:keys.add', { ...keyInputs.threadeo(secretFor('two-a'), 'acme', 'TD-TWO'), name: 'Intake' })
    await call(core, 'keyhold:keys.add', { ...keyInputs.threadeo(secretFor('two-b'), 'acme', 'TD-TWO'), name: 'Billing' })
    await call(core, 'keyhold:keys.add', { ...keyInputs.threadeo(secretFor('other'), 'acme', 'TD-OTHER') })
    await call(core, 'keyhold:keys.add', { ...keyInputs.threadeo(secretFor('elsewhere'), 'legal', 'TD-TWO') })
    const limits = await call(core, 'keyhold:keys.limits', { details })
    expect(limits.activeSecrets?.max).toBe(2)
    expect(limits.activeSecrets?.keys.map((k) => k.name).sort()).toEqual(['Billing', 'Intake'])
    expect(limits.activeSecrets?.text).toMatch(/only two will be stored and active/)
    // A pasted address names the same tenant.
    expect((await call(core, 'keyhold:keys.limits', { details: { ...details, tenant: 'https://acme.threadeo.com/x' } })).activeSecrets?.keys).toHaveLength(2)
    // The key a rotation replaces is left out of the count.
    expect((await call(core, 'keyhold:keys.limits', { details, excludeId: a.id })).activeSecrets?.keys).toHaveLength(1)
    expect(limits.sameValue).toBeNull()
  })

  it('names the Spreeflo key that already serves an integration, whatever its case', async () => {
    const first = await call(core, 'keyhold:keys.add', { ...keyInputs.spreeflo(secretFor('int-1')), details: { provider: 'spreeflo', keyName: 'Signup', integration: 'Website sign-up form' } })
    const same = await call(core, 'keyhold:keys.limits', { details: { provider: 'spreeflo', keyName: 'x', integration: 'website sign-up FORM' } })
    expect(same.sameValue).toMatchObject({ field: 'integration', keys: [{ id: first.id, name: first.name }] })
    expect(same.sameValue?.text).toMatch(/^Another key in this vault already serves this integration/)
    const other = await call(core, 'keyhold:keys.limits', { details: { provider: 'spreeflo', keyName: 'x', integration: 'CRM sync' } })
    expect(other.sameValue?.keys).toEqual([])
    const none = await call(core, 'keyhold:keys.limits', { details: { provider: 'spreeflo', keyName: 'x' } })
    expect(none.sameValue).toBeNull()
    expect(none.activeSecrets).toBeNull()
  })
})

describe('rotation, over real HTTP', () => {
  it('adds the new key in the old one’s place, links both timelines, and archives the old one once its revocation is verified', async () => {
    const oldSecret = secretFor('rot-old')
    const newSecret = secretFor('rot-new')
    sandboxes.spreeflo.addKey({ secret: oldSecret })
    const old = await call(core, 'keyhold:keys.add', { ...keyInputs.spreeflo(oldSecret), tags: ['web'], notes: 'Sign-up form', expiresOn: '2031-01-01' })
    expect((await call(core, 'keyhold:keys.check', { id: old.id })).outcome).toBe('valid')

    // Pasting the old key again is refused: a rotation needs a new one.
    expect(await callError(core, 'keyhold:keys.rotate', { id: old.id, secret: oldSecret })).toMatchObject({ code: 'INVALID_INPUT', field: 'secret' })

    sandboxes.spreeflo.addKey({ secret: newSecret })
    const fresh = await call(core, 'keyhold:keys.rotate', { id: old.id, secret: newSecret })
    expect(fresh).toMatchObject({ name: old.name, tags: ['web'], notes: 'Sign-up form', expiresOn: '2031-01-01', details: old.details, revokedAt: null })
    expect(core.vault.keys().readSecret(fresh.id)).toBe(newSecret)
    expect(await kinds(fresh.id)).toEqual([['created', { replaces: old.id }]])
    expect((await kinds(old.id))[0]).toEqual(['rotated', { replacedBy: fresh.id }])

    // Until the old key is revoked at the provider, it still works: nothing is archived.
    const early = await call(core, 'keyhold:keys.verifyRevoked', { id: old.id })
    expect(early.verdict).toBe('still-works')
    expect(core.vault.keys().readSecret(old.id)).toBe(oldSecret)

    sandboxes.spreeflo.revoke(oldSecret)
    const done = await call(core, 'keyhold:keys.verifyRevoked', { id: old.id })
    expect(done.verdict).toBe('confirmed')
    expect((await kinds(old.id))[0]).toEqual(['revoked', { outcome: 'invalid' }])
    const list = await call(core, 'keyhold:keys.list')
    expect(list.find((e) => e.id === old.id)).toMatchObject({ revokedAt: done.revokedAt, hasSecret: false })
    expect(list.find((e) => e.id === fresh.id)).toMatchObject({ revokedAt: null, hasSecret: true })
    // A revoked key cannot be rotated again.
    expect(await callError(core, 'keyhold:keys.rotate', { id: old.id, secret: secretFor('rot-third') })).toMatchObject({ code: 'KEY_REVOKED' })
  })

  it('never writes a secret into the activity log', async () => {
    const oldSecret = secretFor('rot-canary-old')
    const newSecret = secretFor('rot-canary-new')
    // Named plainly: the test inputs put the secret in the name, which the log does show.
    const old = await call(core, 'keyhold:keys.add', { ...keyInputs.custom(oldSecret, sandboxes.custom.url, { kind: 'bearer' }), name: 'Reporting API' })
    await call(core, 'keyhold:keys.rotate', { id: old.id, secret: newSecret })
    const text = JSON.stringify(await call(core, 'keyhold:activity.list', {}))
    expect(text).not.toContain(oldSecret)
    expect(text).not.toContain(newSecret)
  })
})
