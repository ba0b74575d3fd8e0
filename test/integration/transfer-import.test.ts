// Imports from where keys are today (issue 11, item 5): each format from a file made the way its
// own tool makes it, a preview that writes nothing, an apply in one transaction, and a sentence
// for every file that cannot be read.
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as kdbxweb from 'kdbxweb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ActivityLog } from '../../electron/core/activity/activity-log'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import '../../electron/core/transfer/sources/kdbx'
import type { ImportPreview } from '../../electron/shared/transfer'
import { call, callError, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { FolderDialogs } from '../support/folder-dialogs'
import { kdbxMajorVersion, keepassxcDatabase } from '../support/keepass'

const CANARY = `CANARY-IMPORT-${randomBytes(4).toString('hex')}`
let dir: ReturnType<typeof tempDir>
let files: ReturnType<typeof tempDir>
let dialogs: FolderDialogs
let core: KeyholdCore

beforeEach(async () => {
  dir = tempDir('keyhold-import-')
  files = tempDir('keyhold-import-files-')
  dialogs = new FolderDialogs(join(files.path, 'saved'))
  core = testCore(dir.path, { fileDialogs: dialogs })
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
})
afterEach(async () => {
  await core.shutdown()
  dir.remove()
  files.remove()
})

async function choose(name: string, content: string | Buffer): Promise<string> {
  const path = join(files.path, name)
  writeFileSync(path, content)
  dialogs.next = path
  const ref = await call(core, 'keyhold:files.choose', { purpose: 'import' })
  if (!ref) throw new Error('no file chosen')
  return ref.fileId
}
const summary = (p: ImportPreview) => p.rows.map((r) => `${r.row} ${r.action} ${r.provider ?? '-'} ${r.name}${r.reason ? ` (${r.reason})` : ''}`)
const secrets = (c: KeyholdCore) => c.vault.keys().list().map((k) => c.vault.keys().readSecret(k.id)).sort()
const activity = async (c: KeyholdCore) => (await call(c, 'keyhold:activity.list', {})).map((i) => (i.damaged ? 'damaged' : `${i.kind} ${JSON.stringify(i.detail)}`))

describe('importing a CSV', () => {
  it('guesses the columns, reads quotes, commas, line breaks and a BOM, recognises providers, and writes nothing until applied', async () => {
    const csv = [
      '\uFEFFTitle,Username,Password,URL,Notes',
      `"Acme, legal",TD-ID-7,${CANARY}-td,https://acme.threadeo.com/settings,"two lines` + '\n' + `of notes"`,
      `ThreatSTOP org,,${CANARY}-ts,https://admin.threatstop.com,`,
      `Newsletter,,${CANARY}-sf,https://app.spreeflo.com/settings,`,
      `Weather API,me@example.com,${CANARY}-wx,https://api.weather.example/v2?token=x,"said ""hi"""`,
      `No address,,${CANARY}-nu,,`,
      `Empty key,,,https://api.example.com,`,
      `Bell,,${CANARY}-\u0007bell,https://api.example.com,`,
    ].join('\r\n')
    const fileId = await choose('keys.csv', csv)
    const preview = await call(core, 'keyhold:import.preview', { fileId })
    expect(preview.source).toBe('csv')
    expect(preview.csv).toEqual({ headers: ['Title', 'Username', 'Password', 'URL', 'Notes'], mapping: { secret: 2, url: 3, account: 1, notes: 4, name: 0 } })
    expect(summary(preview)).toEqual([
      '1 add threadeo Acme, legal',
      '2 add threatstop ThreatSTOP org',
      '3 add spreeflo Newsletter',
      '4 add custom Weather API',
      '5 skip - No address (It has no address: a Custom REST API key needs the address of its API (map a URL column, or add the key by hand).)',
      '6 skip - Empty key (The key’s cell is empty.)',
      '7 skip custom Bell (The key contains control characters, which keys never contain.)',
    ])
    expect(preview.counts).toEqual({ add: 4, update: 0, skip: 3 })
    expect(JSON.stringify(preview)).not.toContain(`${CANARY}-`)
    // Nothing written by a preview.
    expect(await call(core, 'keyhold:keys.list')).toEqual([])
    expect(await activity(core)).toEqual([])

    expect(await call(core, 'keyhold:import.apply', { previewId: preview.previewId })).toEqual({ added: 4, updated: 0, skipped: 3 })
    const keys = await Promise.all((await call(core, 'keyhold:keys.list')).map((k) => call(core, 'keyhold:keys.get', { id: k.id })))
    const byName = Object.fromEntries(keys.map((k) => [k.name, k]))
    expect(byName['Acme, legal']?.details).toEqual({ provider: 'threadeo', tenant: 'acme', apiKey: 'TD-ID-7' })
    expect(byName['Acme, legal']?.notes).toBe('two lines\nof notes')
    expect(byName['Newsletter']?.details).toMatchObject({ provider: 'spreeflo', keyName: 'Newsletter' })
    expect(byName['Weather API']).toMatchObject({ account: 'me@example.com', notes: 'said "hi"', details: { provider: 'custom', baseUrl: 'https://api.weather.example/v2', auth: { kind: 'bearer' } } })
    expect(secrets(core)).toEqual([`${CANARY}-sf`, `${CANARY}-td`, `${CANARY}-ts`, `${CANARY}-wx`])
    expect((await activity(core)).sort()).toEqual(Array(4).fill('imported {"from":"csv","result":"added"}'))
    // The preview was used: applying it again is refused, and adds nothing.
    expect((await callError(core, 'keyhold:import.apply', { previewId: preview.previewId })).code).toBe('FILE_GONE')
  })

  it('takes the person’s column mapping over the guess, and reads a spreadsheet’s semicolon export', async () => {
    const fileId = await choose('export.csv', `Service;Value;Endpoint\nBilling;${CANARY}-b;https://billing.example.com\n`)
    const guessed = await call(core, 'keyhold:import.preview', { fileId })
    expect(guessed.csv?.mapping).toEqual({ secret: 1, url: 2, name: 0 })
    // Mapped by hand: the endpoint is the name now, and with no address every row is skipped.
    const mapped = await call(core, 'keyhold:import.preview', { fileId, columns: { secret: 1, name: 2 } })
    expect(summary(mapped)).toEqual(['1 skip - https://billing.example.com (It has no address: a Custom REST API key needs the address of its API (map a URL column, or add the key by hand).)'])
    // The earlier preview of the same file was replaced.
    expect((await callError(core, 'keyhold:import.apply', { previewId: guessed.previewId })).code).toBe('FILE_GONE')
    expect((await callError(core, 'keyhold:import.preview', { fileId, columns: { secret: 9 } })).field).toBe('columns')
  })

  it('never adds a key twice: re-importing skips it, and a file with more details fills in only what the vault lacks', async () => {
    const content = `name,key,url\nOne,${CANARY}-1,https://one.example.com\nOne again,${CANARY}-1,https://one.example.com\n`
    const first = await call(core, 'keyhold:import.preview', { fileId: await choose('a.csv', content) })
    expect(summary(first)).toEqual(['1 add custom One', '2 skip custom One again (The same key is earlier in this file.)'])
    await call(core, 'keyhold:import.apply', { previewId: first.previewId })
    const again = await call(core, 'keyhold:import.preview', { fileId: await choose('a.csv', content) })
    expect(again.counts).toEqual({ add: 0, update: 0, skip: 2 })
    expect(again.rows[0]?.reason).toBe('Already in the vault.')
    expect(await call(core, 'keyhold:import.apply', { previewId: again.previewId })).toEqual({ added: 0, updated: 0, skipped: 2 })

    const richer = await call(core, 'keyhold:import.preview', { fileId: await choose('b.csv', `name,key,url,notes\nRenamed,${CANARY}-1,https://one.example.com,from the wiki\n`) })
    expect(richer.rows.map((r) => r.action)).toEqual(['update'])
    expect(await call(core, 'keyhold:import.apply', { previewId: richer.previewId })).toEqual({ added: 0, updated: 1, skipped: 0 })
    const [only] = await call(core, 'keyhold:keys.list')
    expect(await call(core, 'keyhold:keys.get', { id: only?.id })).toMatchObject({ name: 'One', notes: 'from the wiki' })
    expect((await activity(core))[0]).toBe('imported {"from":"csv","result":"updated"}')
  })
})

describe('applying an import', () => {
  it('is one transaction: when its activity entries cannot be written, no key is added or changed', async () => {
    const first = await call(core, 'keyhold:import.preview', { fileId: await choose('a.csv', `name,key,url\nOne,${CANARY}-1,https://one.example.com\n`) })
    await call(core, 'keyhold:import.apply', { previewId: first.previewId })
    const content = `name,key,url,notes\nOne,${CANARY}-1,https://one.example.com,new notes\nTwo,${CANARY}-2,https://two.example.com,\n`
    const preview = await call(core, 'keyhold:import.preview', { fileId: await choose('b.csv', content) })
    expect(preview.counts).toEqual({ add: 1, update: 1, skip: 0 })
    const spy = vi.spyOn(ActivityLog.prototype, 'recordAll').mockImplementationOnce(() => {
      throw new Error('disk gone')
    })
    try {
      expect((await callError(core, 'keyhold:import.apply', { previewId: preview.previewId })).code).toBe('INTERNAL')
    } finally {
      spy.mockRestore()
    }
    const list = await call(core, 'keyhold:keys.list')
    expect(list.map((k) => !k.damaged && k.name)).toEqual(['One'])
    expect((await call(core, 'keyhold:keys.get', { id: list[0]?.id })).notes).toBe('')
    expect(secrets(core)).toEqual([`${CANARY}-1`])
    // And so after the next unlock, from the file.
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    const again = await call(core, 'keyhold:keys.list')
    expect(again.map((k) => !k.damaged && k.name)).toEqual(['One'])
    expect((await call(core, 'keyhold:keys.get', { id: again[0]?.id })).notes).toBe('')
  })
})

describe('importing a .env file', () => {
  it('reads NAME=value lines with export, quotes and comments, pairs a key with its address, and skips what is not a key', async () => {
    const env = [
      '# keys for the sync job',
      'export WEATHER_API_KEY="' + CANARY + '-wx" # the main one',
      'WEATHER_API_URL=https://api.weather.example/v2',
      `THREATSTOP_TOKEN='${CANARY}-ts'`,
      `SPREEFLO_API_KEY=${CANARY}-sf`,
      `LONELY_SECRET=${CANARY}-lonely`,
      'PORT=3000',
      'EMPTY_TOKEN=',
    ].join('\n')
    const preview = await call(core, 'keyhold:import.preview', { fileId: await choose('.env', env) })
    expect(preview.source).toBe('env')
    expect(summary(preview)).toEqual([
      '1 add custom WEATHER_API_KEY',
      '3 add threatstop THREATSTOP_TOKEN',
      '4 add spreeflo SPREEFLO_API_KEY',
      '5 skip - LONELY_SECRET (It has no address: a Custom REST API key needs the address of its API (map a URL column, or add the key by hand).)',
      '6 skip - PORT (Not a key: its name does not say key, token, secret or password.)',
      '7 skip - EMPTY_TOKEN (The key’s value is empty.)',
    ])
    await call(core, 'keyhold:import.apply', { previewId: preview.previewId })
    expect(secrets(core)).toEqual([`${CANARY}-sf`, `${CANARY}-ts`, `${CANARY}-wx`])
    const weather = (await call(core, 'keyhold:keys.list')).find((k) => !k.damaged && k.name === 'WEATHER_API_KEY')
    expect((await call(core, 'keyhold:keys.get', { id: weather?.id })).details).toMatchObject({ baseUrl: 'https://api.weather.example/v2' })
  })
})

describe('importing a KeePass database', () => {
  it('reads a KDBX 4 written by keepassxc-cli once its master password is given, and refuses a wrong one with nothing written', async () => {
    const password = `kp ${randomBytes(4).toString('hex')} lantern`
    const path = keepassxcDatabase(files.path, password, [
      { path: 'Threadeo acme', username: 'TD-ID-9', url: 'https://acme.threadeo.com/settings', password: `${CANARY}-td` },
      { path: 'APIs/ThreatSTOP org', url: 'https://rest.threatstop.com/v4.0', notes: 'org key', password: `${CANARY}-ts` },
      { path: 'APIs/Weather', username: 'ops', url: 'https://api.weather.example', password: `${CANARY}-wx` },
      { path: 'Just a note' },
    ])
    expect(kdbxMajorVersion(path)).toBe(4)
    dialogs.next = path
    const fileId = (await call(core, 'keyhold:files.choose', { purpose: 'import' }))?.fileId
    expect((await callError(core, 'keyhold:import.preview', { fileId }))).toMatchObject({ code: 'IMPORT_PASSWORD_NEEDED', field: 'passphrase' })
    expect((await callError(core, 'keyhold:import.preview', { fileId, passphrase: 'not it at all' }))).toMatchObject({ code: 'IMPORT_WRONG_PASSWORD', field: 'passphrase' })
    expect(await call(core, 'keyhold:keys.list')).toEqual([])
    // The same file, still held: no need to choose it again.
    const preview = await call(core, 'keyhold:import.preview', { fileId, passphrase: password })
    expect(preview.source).toBe('kdbx')
    expect(summary(preview)).toEqual([
      '1 add threadeo Threadeo acme',
      '2 skip - Just a note (The entry has no password to keep as its key.)',
      '3 add threatstop ThreatSTOP org',
      '4 add custom Weather',
    ])
    await call(core, 'keyhold:import.apply', { previewId: preview.previewId })
    const keys = await Promise.all((await call(core, 'keyhold:keys.list')).map((k) => call(core, 'keyhold:keys.get', { id: k.id })))
    expect(keys.find((k) => k.name === 'ThreatSTOP org')).toMatchObject({ notes: 'org key', tags: ['APIs'] })
    expect(keys.find((k) => k.name === 'Threadeo acme')?.details).toEqual({ provider: 'threadeo', tenant: 'acme', apiKey: 'TD-ID-9' })
    expect(secrets(core)).toEqual([`${CANARY}-td`, `${CANARY}-ts`, `${CANARY}-wx`])
  })

  it('opens a KDBX 4 whose key is derived with Argon2id (hash-wasm), as KeePass and kdbxweb write by default', async () => {
    const db = kdbxweb.Kdbx.create(new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString('argon pass phrase')), 'Keys')
    db.setKdf(kdbxweb.Consts.KdfId.Argon2id)
    const entry = db.createEntry(db.getDefaultGroup())
    entry.fields.set('Title', 'Weather')
    entry.fields.set('URL', 'https://api.weather.example')
    entry.fields.set('Password', kdbxweb.ProtectedValue.fromString(`${CANARY}-argon`))
    const bytes = Buffer.from(await db.save())
    const preview = await call(core, 'keyhold:import.preview', { fileId: await choose('argon.kdbx', bytes), passphrase: 'argon pass phrase' })
    expect(summary(preview)).toEqual(['1 add custom Weather'])
  })
})

describe('importing a Bitwarden export', () => {
  it('reads logins from its unencrypted JSON, skips notes, and refuses an encrypted export with a sentence', async () => {
    const bitwarden = {
      encrypted: false,
      folders: [],
      items: [
        { id: '1', organizationId: null, folderId: null, type: 1, reprompt: 0, name: 'Spreeflo sync', notes: null, favorite: false, fields: [], login: { uris: [{ match: null, uri: 'https://api.spreeflo.com/v1' }], username: null, password: `${CANARY}-sf`, totp: null }, collectionIds: null },
        { id: '2', type: 1, name: 'Weather', notes: 'the paid plan', fields: [{ name: 'api key', value: `${CANARY}-wx`, type: 1, linkedId: null }], login: { uris: [{ uri: 'https://api.weather.example' }], username: 'ops', password: null } },
        { id: '3', type: 2, name: 'Wi-Fi', notes: 'not a key', secureNote: { type: 0 } },
      ],
    }
    const preview = await call(core, 'keyhold:import.preview', { fileId: await choose('bitwarden_export.json', JSON.stringify(bitwarden, null, 2)) })
    expect(preview.source).toBe('bitwarden')
    expect(summary(preview)).toEqual(['1 add spreeflo Spreeflo sync', '2 add custom Weather', '3 skip - Wi-Fi (Not a login: it holds no key.)'])
    await call(core, 'keyhold:import.apply', { previewId: preview.previewId })
    expect(secrets(core)).toEqual([`${CANARY}-sf`, `${CANARY}-wx`])
    expect((await activity(core)).sort()).toEqual(Array(2).fill('imported {"from":"bitwarden","result":"added"}'))

    const encrypted = { encrypted: true, passwordProtected: true, salt: 'c2FsdA==', kdfType: 0, kdfIterations: 600000, encKeyValidation_DO_NOT_EDIT: '2.x|y|z', data: '2.a|b|c' }
    const refused = await callError(core, 'keyhold:import.preview', { fileId: await choose('encrypted.json', JSON.stringify(encrypted)) })
    expect(refused.code).toBe('FILE_UNREADABLE')
    expect(refused.message).toContain('encrypted')
  })
})

describe('a file Keyhold cannot read', () => {
  it('gets a sentence saying why, and nothing is written', async () => {
    const cases: [string, string | Buffer, string][] = [
      ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'not a format Keyhold imports'],
      ['broken.json', '{"items": [', 'incomplete or damaged'],
      ['other.json', '{"hello": "world"}', 'not a Bitwarden export'],
      ['one-column.csv', `${CANARY}-alone\n`, 'not a CSV'],
      ['broken.kdbx', Buffer.concat([Buffer.from([0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5, 0, 0, 4, 0]), randomBytes(64)]), 'damaged'],
    ]
    for (const [name, content, why] of cases) {
      const error = await callError(core, 'keyhold:import.preview', { fileId: await choose(name, content), passphrase: 'whatever it is' })
      expect(error.code, name).toBe('FILE_UNREADABLE')
      expect(error.message, name).toContain(why)
      expect(error.message).not.toContain(CANARY)
    }
    expect(await call(core, 'keyhold:keys.list')).toEqual([])
    expect(await activity(core)).toEqual([])
  })
})

describe('an import and the lock', () => {
  it('refuses a preview while locked without using up the file, and lets every preview go at the lock', async () => {
    const fileId = await choose('a.csv', `name,key,url\nOne,${CANARY}-1,https://one.example.com\n`)
    const preview = await call(core, 'keyhold:import.preview', { fileId })
    await call(core, 'keyhold:vault.lock')
    expect((await callError(core, 'keyhold:import.apply', { previewId: preview.previewId })).code).toBe('VAULT_LOCKED')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await callError(core, 'keyhold:import.apply', { previewId: preview.previewId })).code).toBe('FILE_GONE')
    expect(await call(core, 'keyhold:keys.list')).toEqual([])

    const second = await choose('b.csv', `name,key,url\nTwo,${CANARY}-2,https://two.example.com\n`)
    await call(core, 'keyhold:vault.lock')
    expect((await callError(core, 'keyhold:import.preview', { fileId: second })).code).toBe('VAULT_LOCKED')
  })
})
