import { existsSync, readFileSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { sealedEntrySchema } from '../../electron/core/activity/activity-log'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import type { ActivityItem } from '../../electron/shared/activity'
import type { CheckRunFinished } from '../../electron/shared/dto'
import { startSandboxes, type Sandboxes } from '../sandbox'
import { keyInputs, secretFor, useSandboxes } from '../support/checks'
import { call, callError, testCore } from '../support/core'
import { MemoryClipboard } from '../support/memory-clipboard'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'

let sandboxes: Sandboxes
let dir: ReturnType<typeof tempDir>
let core: KeyholdCore
beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(async () => {
  await sandboxes.close()
})
beforeEach(async () => {
  dir = tempDir()
  core = testCore(dir.path, { checkTimeoutMs: 400, clipboard: new MemoryClipboard() })
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  await useSandboxes(core, sandboxes)
  sandboxes.threadeo.setFaults([])
})
afterEach(async () => {
  await core.shutdown()
  dir.remove()
})

const liveDb = (c: KeyholdCore) => (c.vault as unknown as { open: { db: BetterSqlite3.Database } }).open.db
const vaultBytes = (c: KeyholdCore) =>
  Buffer.concat([c.paths.vaultFile, `${c.paths.vaultFile}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)))
const timeline = (keyId?: string, more: object = {}) => call(core, 'keyhold:activity.list', { ...(keyId ? { keyId } : {}), ...more })
const said = (items: readonly ActivityItem[]) => items.map((e) => (e.damaged ? 'damaged' : `${e.kind}${e.field ? `:${e.field}` : ''}${e.detail ? `:${JSON.stringify(e.detail)}` : ''}`))

async function workingThreadeo() {
  const secret = secretFor('act')
  // Threadeo allows two tokens per API key: each key here gets its own.
  const apiKey = `TD-${secret.slice(-8)}`
  sandboxes.threadeo.addKey({ secret, apiKey, tenant: 'acme' })
  const key = await call(core, 'keyhold:keys.add', keyInputs.threadeo(secret, 'acme', apiKey))
  return { secret, id: key.id }
}

function finished(c: KeyholdCore, runId: string): Promise<CheckRunFinished> {
  return new Promise((resolve) => {
    const off = c.events.subscribe((event, payload) => {
      if (event !== 'keyhold:checks.finished' || (payload as CheckRunFinished).runId !== runId) return
      off()
      resolve(payload as CheckRunFinished)
    })
  })
}

describe('the activity timeline', () => {
  it('records every action by kind, newest first, with only closed words as detail', async () => {
    const { id } = await workingThreadeo()
    await call(core, 'keyhold:keys.copy', { id, field: 'apiKey' })
    await call(core, 'keyhold:keys.reveal', { id, field: 'secret' })
    await call(core, 'keyhold:keys.check', { id })
    await call(core, 'keyhold:keys.update', { id, changes: { name: 'Renamed', tags: ['billing'], notes: '' } })
    await call(core, 'keyhold:keys.update', { id, changes: { secret: secretFor('new') } })
    expect(said(await timeline(id))).toEqual([
      'edited:{"changed":["secret"]}',
      'edited:{"changed":["name","tags"]}',
      'checked:{"outcome":"valid"}',
      'revealed:secret',
      'copied:apiKey',
      'created',
    ])
    expect((await timeline(id))[0]).toMatchObject({ keyId: id, keyName: 'Renamed', damaged: false })

    await call(core, 'keyhold:keys.delete', { id })
    const vault = await timeline()
    expect(said(vault).slice(0, 2)).toEqual(['deleted', 'edited:{"changed":["secret"]}'])
    // A deleted key's entries stay, with its id and no name.
    expect(vault.every((e) => e.keyName === null && e.keyId === id)).toBe(true)
  })

  it('logs "check all" in the transactions that store its results, one entry per key', async () => {
    const ids = [(await workingThreadeo()).id, (await workingThreadeo()).id]
    const { runId } = await call(core, 'keyhold:checks.start', {})
    await finished(core, runId)
    expect(said(await timeline(undefined, { kinds: ['checked'] }))).toEqual(['checked:{"outcome":"valid"}', 'checked:{"outcome":"valid"}'])
    for (const id of ids) expect(said(await timeline(id, { kinds: ['checked'] }))).toEqual(['checked:{"outcome":"valid"}'])
  })

  it('stores a check and its entry together: if the entry cannot be written, neither is kept', async () => {
    const { id } = await workingThreadeo()
    const db = liveDb(core)
    db.exec("CREATE TEMP TRIGGER refuse_activity BEFORE INSERT ON main.activity BEGIN SELECT RAISE(ABORT, 'disk said no'); END")
    expect((await callError(core, 'keyhold:keys.check', { id })).code).toBe('STORAGE_FAILED')
    db.exec('DROP TRIGGER temp.refuse_activity')
    expect(await call(core, 'keyhold:keys.history', { id })).toEqual([])
  })

  it('adds, edits and deletes a key together with its entry, or not at all', async () => {
    const { id } = await workingThreadeo()
    const db = liveDb(core)
    db.exec("CREATE TEMP TRIGGER refuse_activity BEFORE INSERT ON main.activity BEGIN SELECT RAISE(ABORT, 'disk said no'); END")
    const before = await call(core, 'keyhold:keys.list')
    await callError(core, 'keyhold:keys.add', keyInputs.threadeo(secretFor('lost')))
    await callError(core, 'keyhold:keys.update', { id, changes: { name: 'Not renamed' } })
    await callError(core, 'keyhold:keys.delete', { id })
    db.exec('DROP TRIGGER temp.refuse_activity')
    expect(await call(core, 'keyhold:keys.list')).toEqual(before)
    expect(db.prepare('SELECT count(*) FROM keys').pluck().get()).toBe(1)
    expect((await call(core, 'keyhold:keys.get', { id })).name).not.toBe('Not renamed')
    expect(said(await timeline())).toEqual(['created'])
  })

  it('never holds a secret: no canary, kind or field name in the file or WAL, nor in any answer', async () => {
    const { secret, id } = await workingThreadeo()
    const answers: unknown[] = []
    const list = async (input: object) => answers.push(await call(core, 'keyhold:activity.list', input))
    await call(core, 'keyhold:keys.copy', { id, field: 'secret' })
    await call(core, 'keyhold:keys.reveal', { id, field: 'secret' })
    await call(core, 'keyhold:keys.check', { id })
    await call(core, 'keyhold:keys.update', { id, changes: { name: 'Canary renamed', secret } })
    await list({})
    await list({ keyId: id })
    await list({ keyId: id, kinds: ['edited', 'copied'] })
    const bytes = vaultBytes(core)
    expect(existsSync(`${core.paths.vaultFile}-wal`)).toBe(true)
    // "created" and "outcome" are column names of the schema, so those are looked for as the JSON
    // a sealed entry would hold in the clear.
    for (const word of [secret, 'Canary renamed', '"kind"', '"created"', 'copied', 'revealed', 'checked', 'edited', '"changed"', '"outcome"', '"valid"']) {
      expect(bytes.indexOf(word), word).toBe(-1)
    }
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(secret)
    expect(said(answers[1] as ActivityItem[])).toHaveLength(5)
  })

  it('refuses to seal a detail that is not one of its closed words', () => {
    const entry = { kind: 'edited', keyId: null, field: null }
    expect(sealedEntrySchema.safeParse({ ...entry, detail: { changed: ['name'] } }).success).toBe(true)
    expect(sealedEntrySchema.safeParse({ ...entry, detail: { changed: ['CANARY-secret'] } }).success).toBe(false)
    expect(sealedEntrySchema.safeParse({ ...entry, detail: { outcome: 'CANARY-secret' } }).success).toBe(false)
    expect(sealedEntrySchema.safeParse({ ...entry, detail: { outcome: 'valid', note: 'CANARY' } }).success).toBe(false)
    expect(sealedEntrySchema.safeParse({ ...entry, detail: 'CANARY-secret' }).success).toBe(false)
    // Entries from before `detail` existed still read.
    expect(sealedEntrySchema.safeParse(entry).success).toBe(true)
    expect(() => core.vault.activity().record('edited', null, null, { changed: ['CANARY-secret'] } as never)).toThrow(/not in a form/)
  })

  it('filters by kind and key, honours limit and before', async () => {
    const a = (await workingThreadeo()).id
    const b = (await workingThreadeo()).id
    for (let i = 0; i < 3; i++) await call(core, 'keyhold:keys.copy', { id: a, field: 'secret' })
    await call(core, 'keyhold:keys.reveal', { id: b, field: 'secret' })
    expect(said(await timeline(undefined, { kinds: ['revealed', 'created'] }))).toEqual(['revealed:secret', 'created', 'created'])
    expect(said(await timeline(a, { kinds: ['copied'], limit: 2 }))).toEqual(['copied:secret', 'copied:secret'])
    expect(await timeline(b, { kinds: ['copied'] })).toEqual([])
    const all = await timeline()
    expect(all).toHaveLength(6)
    const oldest = all.at(-1)?.at as number
    expect(await timeline(undefined, { before: oldest })).toEqual([])
    expect((await callError(core, 'keyhold:activity.list', { limit: 501 })).code).toBe('INVALID_INPUT')
    expect((await callError(core, 'keyhold:activity.list', { kinds: ['sneaked'] })).code).toBe('INVALID_INPUT')
  })

  it('lists an entry that fails authentication as damaged in the vault timeline, never drops it', async () => {
    const { id } = await workingThreadeo()
    await call(core, 'keyhold:keys.copy', { id, field: 'secret' })
    await call(core, 'keyhold:vault.lock')
    const db = new BetterSqlite3(core.paths.vaultFile)
    db.exec('DROP TRIGGER activity_no_update')
    db.prepare('UPDATE activity SET at = at + 1 WHERE id = (SELECT max(id) FROM activity)').run()
    db.close()
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    const vault = await timeline()
    expect(said(vault)).toEqual(['damaged', 'created'])
    expect(vault[0]).toMatchObject({ damaged: true, kind: null, keyId: null, keyName: null, field: null, detail: null })
    expect(said(await timeline(id))).toEqual(['created'])
  })
})
