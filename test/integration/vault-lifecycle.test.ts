import { existsSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { MIGRATIONS } from '../../electron/core/store/migrations'
import type { NewKeyInput } from '../../electron/shared/dto'
import { allFilesUnder, findPlaintext, sha256File } from '../support/bytes'
import { call, callError, testCore } from '../support/core'
import { OTHER_STRONG_PASSWORD, sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

let dir: ReturnType<typeof tempDir>
const cores: KeyholdCore[] = []
const open = (options: Parameters<typeof testCore>[1] = {}) => {
  const core = testCore(dir.path, options)
  cores.push(core)
  return core
}

beforeEach(() => {
  dir = tempDir()
})
afterEach(async () => {
  for (const core of cores.splice(0)) await core.shutdown()
  dir.remove()
})

function plaintextsOf(keys: readonly NewKeyInput[]): string[] {
  return keys.flatMap((k) => {
    const d = k.details
    const detail = [d['tenant'], d['apiKey'], d['keyName']].filter((v): v is string => typeof v === 'string')
    return [k.name, k.account ?? '', k.notes ?? '', ...(k.tags ?? []), k.secret ?? '', ...detail].filter((s) => s.length >= 6)
  })
}

describe('a vault on a real SQLite file', () => {
  it('creates, stores 100 keys, closes, reopens with all of them, and holds no plaintext on disk', async () => {
    const core = open()
    expect(await call(core, 'keyhold:vault.status')).toEqual({ state: 'absent' })
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const inputs = Array.from({ length: 25 }, (_, i) => sampleKeys(`K${String(i).padStart(3, '0')}x`)).flat()
    const added = []
    for (const input of inputs) added.push(await call(core, 'keyhold:keys.add', input))
    expect(added).toHaveLength(100)

    // Scan while open, with recent commits still in the WAL, then after closing.
    const needles = plaintextsOf(inputs)
    expect(findPlaintext(allFilesUnder(dir.path), needles)).toEqual([])
    await call(core, 'keyhold:vault.lock')
    expect(await call(core, 'keyhold:vault.status')).toMatchObject({ state: 'locked' })

    // A later version's migration runs on reopen, so the backup it takes is scanned too.
    const noop = { version: (MIGRATIONS.at(-1)?.version ?? 0) + 1, name: 'noop', up: () => undefined }
    const reopened = open({ migrations: [...MIGRATIONS, noop] })
    await call(reopened, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    const list = await call(reopened, 'keyhold:keys.list')
    expect(list).toHaveLength(100)
    expect(new Set(list.map((e) => (e.damaged ? '' : e.name)))).toEqual(new Set(inputs.map((k) => k.name)))
    for (const [i, input] of inputs.entries()) {
      const id = (added[i] as { id: string }).id
      const detail = await call(reopened, 'keyhold:keys.get', { id })
      expect(detail).toMatchObject({ name: input.name, details: input.details, tags: input.tags ?? [] })
      expect(reopened.vault.keys().readSecret(id)).toBe(input.secret)
    }
    await call(reopened, 'keyhold:vault.lock')
    const files = allFilesUnder(dir.path)
    expect(files.some((f) => f.path.includes('backups'))).toBe(true)
    expect(findPlaintext(files, [...needles, STRONG_PASSWORD])).toEqual([])
  })

  it('never answers a list, detail or add with the secret', async () => {
    const core = open()
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const key = sampleKeys('leak')[0] as NewKeyInput
    const answers: unknown[] = [await call(core, 'keyhold:keys.add', key)]
    const id = (answers[0] as { id: string }).id
    answers.push(await call(core, 'keyhold:keys.list'), await call(core, 'keyhold:keys.get', { id }))
    answers.push(await call(core, 'keyhold:keys.search', { query: 'threadeo' }))
    answers.push(await call(core, 'keyhold:keys.update', { id, changes: { secret: 'CANARY-rotated-secret' } }))
    const text = JSON.stringify(answers)
    expect(text).not.toContain('CANARY-')
    expect(core.vault.keys().readSecret(id)).toBe('CANARY-rotated-secret')
  })

  it('edits, searches and deletes', async () => {
    const core = open()
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const [a, b] = await Promise.all(sampleKeys('ed').slice(0, 2).map((k) => call(core, 'keyhold:keys.add', k)))
    const edited = await call(core, 'keyhold:keys.update', {
      id: a?.id,
      changes: { name: '<b>Renamed</b> & "quoted"', tags: ['prod', 'billing'], expiresOn: null },
    })
    expect(edited).toMatchObject({ name: '<b>Renamed</b> & "quoted"', tags: ['prod', 'billing'] })
    expect(await call(core, 'keyhold:keys.search', { query: 'renamed' })).toEqual({ ids: [a?.id] })
    expect(await call(core, 'keyhold:keys.search', { query: 'BILLING' })).toEqual({ ids: [a?.id] })
    expect(await call(core, 'keyhold:keys.search', { query: 'threatstop' })).toEqual({ ids: [b?.id] })
    await call(core, 'keyhold:keys.delete', { id: b?.id })
    expect(await call(core, 'keyhold:keys.list')).toHaveLength(1)
    expect(await callError(core, 'keyhold:keys.get', { id: b?.id })).toMatchObject({ code: 'KEY_NOT_FOUND' })
    expect(await callError(core, 'keyhold:keys.update', { id: a?.id, changes: { details: { provider: 'spreeflo', keyName: 'x' } } })).toMatchObject({
      code: 'INVALID_INPUT',
    })

    // Survives a reopen exactly.
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await call(core, 'keyhold:keys.get', { id: a?.id })).toEqual(edited)
  })

  it('answers a wrong password generically, after the KDF, with a growing pause', async () => {
    const pauses: number[] = []
    const core = open({ sleep: async (ms) => void pauses.push(ms) })
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await call(core, 'keyhold:vault.lock')
    const messages = new Set<string>()
    for (const attempt of ['wrong', 'correct-horse-battery-staple-43', '', STRONG_PASSWORD.toUpperCase()]) {
      const error = await callError(core, 'keyhold:vault.unlock', { password: attempt })
      messages.add(`${error.code}: ${error.message}`)
    }
    // The empty password is refused by the schema, before any KDF; the others say nothing of the
    // password, only how long the next wrong try will wait once pauses start.
    expect([...messages].filter((m) => m.startsWith('WRONG_PASSWORD'))).toEqual([
      'WRONG_PASSWORD: That password did not unlock the vault.',
      'WRONG_PASSWORD: That password did not unlock the vault. Another wrong try will wait 1 second before Keyhold answers.',
      'WRONG_PASSWORD: That password did not unlock the vault. Another wrong try will wait 2 seconds before Keyhold answers.',
    ])
    expect(pauses).toEqual([0, 0, 1000])
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    await call(core, 'keyhold:vault.lock')
    await callError(core, 'keyhold:vault.unlock', { password: 'wrong again' })
    expect(pauses.at(-1)).toBe(0)
  })

  it('refuses a weak master password with its reason and creates nothing', async () => {
    const core = open()
    const error = await callError(core, 'keyhold:vault.create', { password: 'password123' })
    expect(error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' })
    expect(error.message).toMatch(/at least 12 characters/)
    expect(existsSync(core.paths.vaultFile)).toBe(false)
  })

  it('changes the master password by re-wrapping the key only', async () => {
    const core = open()
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const added = await call(core, 'keyhold:keys.add', sampleKeys('pw')[1])
    expect(await callError(core, 'keyhold:vault.changePassword', { currentPassword: 'nope', newPassword: OTHER_STRONG_PASSWORD })).toMatchObject({
      code: 'WRONG_PASSWORD',
      field: 'currentPassword',
    })
    expect(await callError(core, 'keyhold:vault.changePassword', { currentPassword: STRONG_PASSWORD, newPassword: 'short' })).toMatchObject({
      code: 'WEAK_PASSWORD',
      field: 'newPassword',
    })
    await call(core, 'keyhold:vault.changePassword', { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD })
    await call(core, 'keyhold:vault.lock')
    expect(await callError(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ code: 'WRONG_PASSWORD' })
    await call(core, 'keyhold:vault.unlock', { password: OTHER_STRONG_PASSWORD })
    expect(core.vault.keys().readSecret(added.id)).toBe(sampleKeys('pw')[1]?.secret)
  })

  it('never creates a vault over an existing file', async () => {
    const core = open()
    writeFileSync(core.paths.vaultFile, 'somebody else\'s data')
    const before = sha256File(core.paths.vaultFile)
    expect(await callError(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })).toMatchObject({ code: 'VAULT_EXISTS' })
    expect(sha256File(core.paths.vaultFile)).toBe(before)
  })

  it('lets only one process hold the vault open', async () => {
    const first = open()
    await call(first, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    const second = open()
    expect(await callError(second, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ code: 'VAULT_IN_USE' })
    await call(first, 'keyhold:vault.lock')
    await call(second, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
  })

  it('wipes the vault key and the decrypted list on lock, and says so in an event', async () => {
    const core = open()
    const events: string[] = []
    core.events.subscribe((event, payload) => events.push(`${event}:${JSON.stringify(payload)}`))
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await call(core, 'keyhold:keys.add', sampleKeys('wipe')[2])
    const held = (core.vault as unknown as { open: { vaultKey: Buffer } }).open.vaultKey
    expect(held.some((b) => b !== 0)).toBe(true)
    await call(core, 'keyhold:vault.lock')
    expect(held.every((b) => b === 0)).toBe(true)
    expect(await callError(core, 'keyhold:keys.list')).toMatchObject({ code: 'VAULT_LOCKED' })
    expect(events.map((e) => e.split(':{')[0])).toEqual(['keyhold:vault.changed', 'keyhold:keys.changed', 'keyhold:vault.changed'])
    expect(events.at(-1)).toContain('"reason":"user"')
  })
})
