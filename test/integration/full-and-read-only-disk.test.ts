import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { NOT_A_FILE } from '../../electron/core/store/file-checks'
import { createSystemClipboard } from '../../electron/platform/clipboard/system-clipboard'
import type { ClipboardPort } from '../../electron/core/clipboard/clipboard-port'
import type { KeyDetail } from '../../electron/shared/dto'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { call, callError, testCore } from '../support/core'
import { OTHER_STRONG_PASSWORD, sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { mountSmallDisk, type SmallDisk } from '../support/tmpfs'
import { startXvfb, type XDisplay } from '../support/xvfb'

/**
 * The battery's disk matrix (issue: "a read-only or full disk still opens and reads"): a real
 * tmpfs filled to the last byte or remounted read-only, and the real X clipboard, so a copy that
 * could not be recorded is seen to leave nothing behind.
 */
let x: XDisplay
let clipboard: ClipboardPort
let disk: SmallDisk
let core: KeyholdCore | undefined
let added: KeyDetail[]

beforeAll(async () => {
  x = await startXvfb()
  clipboard = createSystemClipboard({ ...process.env, DISPLAY: x.display })
})
afterAll(async () => {
  await clipboard.close?.()
  await x.stop()
})

const start = () => (core = testCore(disk.path, { clipboard: createSystemClipboard({ ...process.env, DISPLAY: x.display }) }))
const vaultFile = () => join(disk.path, 'vault.keyhold')
const integrity = () => {
  const db = new BetterSqlite3(vaultFile(), { readonly: true })
  try {
    return db.pragma('integrity_check', { simple: true })
  } finally {
    db.close()
  }
}
const STORAGE = ERROR_MESSAGES.STORAGE_FAILED

async function vaultWithKeys(): Promise<KeyholdCore> {
  const c = start()
  await call(c, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  added = []
  for (const k of sampleKeys('disk')) added.push(await call(c, 'keyhold:keys.add', k))
  return c
}

async function expectEveryKeyIntact(c: KeyholdCore): Promise<void> {
  const listed = await call(c, 'keyhold:keys.list')
  expect(listed.map((k) => k.id).sort()).toEqual(added.map((k) => k.id).sort())
  for (const [i, key] of added.entries()) {
    expect(await call(c, 'keyhold:keys.get', { id: key.id })).toMatchObject({ name: key.name })
    expect((await call(c, 'keyhold:keys.reveal', { id: key.id, field: 'secret' })).value).toBe(sampleKeys('disk')[i]?.secret)
  }
}

beforeEach(() => {
  disk = mountSmallDisk()
})
afterEach(async () => {
  await core?.shutdown()
  core = undefined
  disk.remove()
})

describe('a full disk', () => {
  it('still unlocks, lists, searches and opens keys; every write says so in plain words and loses nothing', async () => {
    const c = await vaultWithKeys()
    await call(c, 'keyhold:vault.lock')
    disk.fill()

    // Opening and reading.
    await call(c, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await call(c, 'keyhold:keys.list')).toHaveLength(added.length)
    expect((await call(c, 'keyhold:keys.search', { query: 'Spreeflo' })).ids).toEqual([added[2]?.id])
    expect(await call(c, 'keyhold:keys.get', { id: added[0]?.id })).toMatchObject({ name: added[0]?.name })

    // Every write: the storage sentence, never INTERNAL.
    const writes = {
      add: await callError(c, 'keyhold:keys.add', sampleKeys('more')[0]),
      update: await callError(c, 'keyhold:keys.update', { id: added[1]?.id, changes: { name: 'Renamed on a full disk' } }),
      delete: await callError(c, 'keyhold:keys.delete', { id: added[3]?.id }),
      changePassword: await callError(c, 'keyhold:vault.changePassword', { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD }),
    }
    for (const [what, error] of Object.entries(writes)) expect({ what, ...error }).toEqual({ what, code: 'STORAGE_FAILED', message: STORAGE })

    // A reveal and a copy are recorded in the key's activity: without the record, no effect.
    expect(await callError(c, 'keyhold:keys.reveal', { id: added[0]?.id, field: 'secret' })).toMatchObject({ code: 'STORAGE_FAILED' })
    await clipboard.writeSecret('what the person had copied before')
    expect(await callError(c, 'keyhold:keys.copy', { id: added[0]?.id, field: 'secret' })).toMatchObject({ code: 'STORAGE_FAILED' })
    expect(await clipboard.readText()).not.toContain(sampleKeys('disk')[0]?.secret)

    // Lock and a fresh start still open the vault with the old password.
    await call(c, 'keyhold:vault.lock')
    await c.shutdown()
    const again = start()
    expect(await call(again, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).toMatchObject({ state: 'unlocked' })
    expect(await call(again, 'keyhold:keys.list')).toHaveLength(added.length)

    // With space again, everything is as it was, and writes work.
    disk.free()
    await expectEveryKeyIntact(again)
    await call(again, 'keyhold:keys.update', { id: added[1]?.id, changes: { name: 'Renamed with space' } })
    await call(again, 'keyhold:vault.lock')
    expect(integrity()).toBe('ok')
  })

  it('refuses to create a vault with the storage sentence, and create works once there is space', async () => {
    disk.fill()
    const c = start()
    expect(await callError(c, 'keyhold:vault.create', { password: STRONG_PASSWORD })).toMatchObject({ code: 'STORAGE_FAILED' })
    disk.free()
    const status = await call(c, 'keyhold:vault.status')
    // Never "damaged": nothing at all, or a leftover Keyhold recognises and may replace.
    expect(['absent', 'unfinished']).toContain(status.state)
    const input = status.state === 'absent' ? { password: STRONG_PASSWORD } : { password: STRONG_PASSWORD, replaceUnfinished: true }
    expect(await call(c, 'keyhold:vault.create', input)).toMatchObject({ state: 'unlocked' })
  })
})

describe('a read-only disk', () => {
  it('opens the vault for reading, says it is read-only, and every write answers the storage sentence', async () => {
    const c = await vaultWithKeys()
    await call(c, 'keyhold:vault.lock')
    await c.shutdown()
    const before = readFileSync(vaultFile())
    disk.readOnly()

    const reader = start()
    expect(await call(reader, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).toEqual({ state: 'unlocked', readOnly: true })
    expect(await call(reader, 'keyhold:vault.status')).toEqual({ state: 'unlocked', readOnly: true })
    expect(await call(reader, 'keyhold:keys.list')).toHaveLength(added.length)
    expect((await call(reader, 'keyhold:keys.search', { query: 'Threadeo' })).ids).toEqual([added[0]?.id])
    for (const [channel, input] of [
      ['keyhold:keys.add', sampleKeys('ro')[1]],
      ['keyhold:keys.update', { id: added[0]?.id, changes: { name: 'x' } }],
      ['keyhold:keys.reveal', { id: added[0]?.id, field: 'secret' }],
      ['keyhold:vault.changePassword', { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD }],
    ] as const) {
      expect(await callError(reader, channel, input), channel).toMatchObject({ code: 'STORAGE_FAILED' })
    }
    // Lock completes (its snapshot is a cache it may fail to write) and the file is untouched.
    expect(await call(reader, 'keyhold:vault.lock')).toEqual({ state: 'locked' })
    expect(readFileSync(vaultFile()).equals(before)).toBe(true)
    expect(readdirSync(disk.path).sort()).toEqual(['logs', 'vault.keyhold'])

    disk.writable()
    expect(await call(reader, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).toEqual({ state: 'unlocked' })
    await expectEveryKeyIntact(reader)
  })

  it('a vault left with unsaved changes in its WAL is refused with its own sentence, and the files are left as they are', async () => {
    const c = await vaultWithKeys()
    // Frozen mid-use: copy the files as a crash would leave them (vault + WAL), then stop the core.
    const crashed = join(disk.path, 'crashed')
    mkdirSync(crashed)
    for (const f of readdirSync(disk.path).filter((n) => n.startsWith('vault.keyhold'))) {
      const bytes = readFileSync(join(disk.path, f))
      // Written with the node fs, not copied by SQLite, as a crash leaves them.
      writeFileSync(join(crashed, f), bytes)
    }
    await c.shutdown()
    core = undefined
    for (const f of readdirSync(disk.path).filter((n) => n.startsWith('vault.keyhold'))) rmSync(join(disk.path, f))
    for (const f of readdirSync(crashed)) renameSync(join(crashed, f), join(disk.path, f))
    const wal = readFileSync(`${vaultFile()}-wal`)
    expect(wal.length).toBeGreaterThan(0)
    disk.readOnly()

    const reader = start()
    const error = await callError(reader, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(error.code).toBe('STORAGE_FAILED')
    expect(error.message).toMatch(/not closed properly/)
    expect(readFileSync(`${vaultFile()}-wal`).equals(wal)).toBe(true)
  })
})

describe('a vault file that is not a file', () => {
  it('a folder in the vault’s place gets the storage sentence saying so, never INTERNAL', async () => {
    const dir = tempDir()
    try {
      mkdirSync(join(dir.path, 'vault.keyhold'))
      const c = testCore(dir.path)
      expect(await callError(c, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).toEqual({ code: 'STORAGE_FAILED', message: NOT_A_FILE })
      expect((await callError(c, 'keyhold:vault.create', { password: STRONG_PASSWORD })).code).not.toBe('INTERNAL')
      await c.shutdown()
    } finally {
      dir.remove()
    }
  })

  it('a table dropped outside Keyhold is a damaged vault at unlock, and a failing statement is STORAGE_FAILED', async () => {
    const dir = tempDir()
    try {
      const c = testCore(dir.path)
      await call(c, 'keyhold:vault.create', { password: STRONG_PASSWORD })
      await call(c, 'keyhold:keys.add', sampleKeys('drop')[0])
      await call(c, 'keyhold:vault.lock')
      const db = new BetterSqlite3(join(dir.path, 'vault.keyhold'))
      db.exec('DROP TABLE activity')
      db.close()
      expect((await callError(c, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })).code).toBe('VAULT_DAMAGED')
      await c.shutdown()
    } finally {
      dir.remove()
    }
  })
})
