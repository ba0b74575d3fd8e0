// Whole-vault export and import (issue 11, item 4): an age file sealed by a passphrase, read back
// into an empty vault in another data folder with the same keys, merged without duplicates.
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Encrypter } from 'age-encryption'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { call, callError, testCore } from '../support/core'
import { OTHER_STRONG_PASSWORD, sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { FolderDialogs } from '../support/folder-dialogs'

const TAG = randomBytes(4).toString('hex')
const PASSPHRASE = `export ${randomBytes(3).toString('hex')} marble canyon whistle`
// age's scrypt at a test's cost (like FAST_KDF for the vault); the format and the crypto are age's own.
const WORK_FACTOR = 10

let dirs: ReturnType<typeof tempDir>[]
let cores: KeyholdCore[]
let outside: ReturnType<typeof tempDir>

async function vaultWith(dialogs: FolderDialogs): Promise<KeyholdCore> {
  const dir = tempDir('keyhold-export-')
  dirs.push(dir)
  const core = testCore(dir.path, { fileDialogs: dialogs, exportWorkFactor: WORK_FACTOR })
  cores.push(core)
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  return core
}
beforeEach(() => {
  dirs = []
  cores = []
  outside = tempDir('keyhold-export-files-')
})
afterEach(async () => {
  for (const c of cores) await c.shutdown()
  for (const d of [...dirs, outside]) d.remove()
})

/** A vault's keys as the person sees them, with their secrets: what an export must carry over. */
async function everything(core: KeyholdCore) {
  const list = await call(core, 'keyhold:keys.list')
  const keys = await Promise.all(
    list.map(async (k) => {
      const { name, account, notes, tags, expiresOn, details, provider } = await call(core, 'keyhold:keys.get', { id: k.id })
      return { name, account, notes, tags, expiresOn, details, provider, secret: core.vault.keys().readSecret(k.id) }
    }),
  )
  return keys.sort((a, b) => a.name.localeCompare(b.name))
}

describe('a whole-vault export', () => {
  it('is an age file with no key in it in plain text, and importing it into an empty vault gives the same keys; importing it again adds nothing', async () => {
    const dialogs = new FolderDialogs(join(outside.path, 'saved'))
    const source = await vaultWith(dialogs)
    for (const key of sampleKeys(TAG)) await call(source, 'keyhold:keys.add', key)
    const before = await everything(source)
    expect(before.length).toBeGreaterThanOrEqual(4)

    // Its passphrase is checked as the master password is.
    expect(await callError(source, 'keyhold:vault.export', { passphrase: 'short' })).toMatchObject({ code: 'WEAK_PASSWORD', field: 'passphrase' })
    const ref = await call(source, 'keyhold:vault.export', { passphrase: PASSPHRASE })
    expect(ref.name).toMatch(/^keyhold-export-\d{4}-\d{2}-\d{2}\.keyhold-export$/)
    expect(await call(source, 'keyhold:files.save', { fileId: ref.fileId })).toEqual({ saved: true })
    const [saved] = dialogs.saved
    const raw = readFileSync(saved as string)
    expect(raw.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n')
    expect(raw.toString('latin1')).toContain('-> scrypt ')
    for (const needle of ['CANARY', TAG, PASSPHRASE, ...before.map((k) => k.secret)]) {
      expect(raw.includes(Buffer.from(needle, 'utf8')), needle).toBe(false)
      expect(raw.includes(Buffer.from(needle, 'utf16le')), needle).toBe(false)
    }
    const exported = (await call(source, 'keyhold:activity.list', {})).filter((i) => !i.damaged && i.kind === 'exported')
    expect(exported).toHaveLength(1)

    // Another vault, in another data folder, with another master password.
    const target = await vaultWith(new FolderDialogs(join(outside.path, 'saved-2')))
    await call(target, 'keyhold:vault.changePassword', { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD })
    const bring = async () => {
      dialogs.next = saved
      const picked = await call(source, 'keyhold:files.choose', { purpose: 'vault-export' })
      const bytes = picked ? source.files.take(picked.fileId).bytes : Buffer.alloc(0)
      return target.files.receive('keys.keyhold-export', Buffer.from(bytes)).fileId
    }
    const fileId = await bring()
    expect(await callError(target, 'keyhold:import.preview', { fileId })).toMatchObject({ code: 'IMPORT_PASSWORD_NEEDED', field: 'passphrase' })
    expect(await callError(target, 'keyhold:import.preview', { fileId, passphrase: 'a different passphrase entirely' })).toMatchObject({ code: 'IMPORT_WRONG_PASSWORD', field: 'passphrase' })
    const preview = await call(target, 'keyhold:import.preview', { fileId, passphrase: PASSPHRASE })
    expect(preview.source).toBe('keyhold-export')
    expect(preview.counts).toEqual({ add: before.length, update: 0, skip: 0 })
    expect(JSON.stringify(preview)).not.toContain('CANARY-')
    expect(await call(target, 'keyhold:import.apply', { previewId: preview.previewId })).toEqual({ added: before.length, updated: 0, skipped: 0 })
    expect(await everything(target)).toEqual(before)
    const imported = (await call(target, 'keyhold:activity.list', {})).filter((i) => !i.damaged && i.kind === 'imported')
    expect(imported.map((i) => !i.damaged && i.detail)).toEqual(Array(before.length).fill({ from: 'keyhold-export', result: 'added' }))

    const again = await call(target, 'keyhold:import.preview', { fileId: await bring(), passphrase: PASSPHRASE })
    expect(again.counts).toEqual({ add: 0, update: 0, skip: before.length })
    expect(await call(target, 'keyhold:import.apply', { previewId: again.previewId })).toEqual({ added: 0, updated: 0, skipped: before.length })
    expect(await everything(target)).toEqual(before)
  })

  it('leaves revoked keys out, and a truncated or changed export is refused with a sentence and nothing added', async () => {
    const dialogs = new FolderDialogs(join(outside.path, 'saved'))
    const source = await vaultWith(dialogs)
    const [kept, gone] = await Promise.all(sampleKeys(TAG).slice(0, 2).map((k) => call(source, 'keyhold:keys.add', k)))
    source.vault.keys().markRevoked(gone?.id as string)
    const ref = await call(source, 'keyhold:vault.export', { passphrase: PASSPHRASE })
    const bytes = Buffer.from(source.files.collect(ref.fileId).bytes)

    const target = await vaultWith(dialogs)
    const one = await call(target, 'keyhold:import.preview', { fileId: target.files.receive('x.keyhold-export', Buffer.from(bytes)).fileId, passphrase: PASSPHRASE })
    expect(one.rows.map((r) => r.name)).toEqual([kept?.name])

    const truncated = bytes.subarray(0, bytes.length - 7)
    const flipped = Buffer.from(bytes)
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] as number) ^ 1
    for (const damaged of [truncated, flipped]) {
      const path = join(outside.path, 'damaged.keyhold-export')
      writeFileSync(path, damaged)
      const error = await callError(target, 'keyhold:import.preview', { fileId: target.files.receive('damaged.keyhold-export', readFileSync(path)).fileId, passphrase: PASSPHRASE })
      expect(error).toMatchObject({ code: 'FILE_UNREADABLE' })
      expect(error.message).toContain('damaged or incomplete')
    }
    expect(await call(target, 'keyhold:keys.list')).toEqual([])
    expect((await call(target, 'keyhold:activity.list', {})).filter((i) => !i.damaged && i.kind === 'imported')).toEqual([])
  })

  it('offers no file when the vault locks while age is sealing it', async () => {
    const source = await vaultWith(new FolderDialogs(join(outside.path, 'saved')))
    await call(source, 'keyhold:keys.add', sampleKeys(TAG)[0])
    let sealing: () => void = () => undefined
    const sealed = new Promise<void>((resolve) => (sealing = resolve))
    const real = Encrypter.prototype.encrypt
    const spy = vi.spyOn(Encrypter.prototype, 'encrypt').mockImplementationOnce(async function (this: Encrypter, file: Uint8Array | string) {
      await sealed
      return (real as (f: Uint8Array | string) => Promise<Uint8Array>).call(this, file)
    } as never)
    const offer = vi.spyOn(source.files, 'offer')
    try {
      const exporting = source.handlers['keyhold:vault.export']({ passphrase: PASSPHRASE })
      await vi.waitFor(() => expect(spy).toHaveBeenCalled())
      await call(source, 'keyhold:vault.lock')
      sealing()
      const answer = await exporting
      expect(answer.ok ? 'ok' : answer.error.code).toBe('VAULT_LOCKED')
      expect(offer).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
  })
})
