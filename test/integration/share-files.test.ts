import { readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import type { ShareOpened } from '../../electron/shared/sharing'
import { call, callError, testCore } from '../support/core'
import { FolderDialogs } from '../support/folder-dialogs'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'

/** Two people, each with a Keyhold on their own data folder, and a folder between them (the email). */
let sender: { core: KeyholdCore; dialogs: FolderDialogs; dir: ReturnType<typeof tempDir> }
let recipient: { core: KeyholdCore; dialogs: FolderDialogs; dir: ReturnType<typeof tempDir> }
let between: ReturnType<typeof tempDir>

async function person(prefix: string) {
  const dir = tempDir(prefix)
  const dialogs = new FolderDialogs(join(between.path, prefix))
  const core = testCore(dir.path, { fileDialogs: dialogs })
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  return { core, dialogs, dir }
}

beforeEach(async () => {
  between = tempDir('keyhold-share-between-')
  sender = await person('keyhold-sender-')
  recipient = await person('keyhold-recipient-')
})
afterEach(async () => {
  await sender.core.shutdown()
  await recipient.core.shutdown()
  sender.dir.remove()
  recipient.dir.remove()
  between.remove()
})

const [THREADEO, , SPREEFLO] = sampleKeys('share')

/** The sender saves the made file where they chose; the path the recipient then picks. */
async function saved(fileId: string): Promise<string> {
  expect(await call(sender.core, 'keyhold:files.save', { fileId })).toEqual({ saved: true })
  const path = sender.dialogs.saved.at(-1)
  if (!path) throw new Error('nothing saved')
  return path
}

async function chosen(path: string): Promise<string> {
  recipient.dialogs.next = path
  const ref = await call(recipient.core, 'keyhold:files.choose', { purpose: 'share-file' })
  if (!ref) throw new Error('nothing chosen')
  return ref.fileId
}

function opened(result: ShareOpened): Extract<ShareOpened, { needsPassphrase: false }> {
  if (result.needsPassphrase) throw new Error('the file asked for a passphrase')
  return result
}

const kinds = async (core: KeyholdCore, keyId: string) =>
  (await call(core, 'keyhold:activity.list', { keyId })).map((a) => (a.damaged ? 'damaged' : `${a.kind}${a.detail ? ` ${JSON.stringify(a.detail)}` : ''}`))

describe('share files between two vaults', () => {
  it('to a sharing code: the second vault opens it, shows it without the secret, and adds it; both timelines say so', async () => {
    const other = await call(sender.core, 'keyhold:keys.add', SPREEFLO)
    const key = await call(sender.core, 'keyhold:keys.add', THREADEO)
    const theirs = await call(recipient.core, 'keyhold:share.code')
    expect(theirs.code).toMatch(/^age1[02-9ac-hj-np-z]{58}$/)
    expect(theirs.fingerprint).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    // The code is made once and kept: asked again (and after a lock), the same.
    await call(recipient.core, 'keyhold:vault.lock')
    await call(recipient.core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await call(recipient.core, 'keyhold:share.code')).toEqual(theirs)

    const heard: string[] = []
    sender.core.events.subscribe((event, payload) => heard.push(`${event} ${JSON.stringify(payload)}`))
    // Pasted as a chat would wrap it: with a line break and in capitals.
    const made = await call(sender.core, 'keyhold:share.makeFile', { id: key.id, to: { code: `${theirs.code.slice(0, 30).toUpperCase()}\n${theirs.code.slice(30)} ` } })
    expect(made.fingerprint).toBe(theirs.fingerprint)
    // The sender's window hears of it, so the key's timeline shows the share.
    expect(heard).toEqual([`keyhold:keys.changed ${JSON.stringify({ ids: [key.id] })}`])
    expect(made.passphrase).toBeUndefined()
    expect(made.file.name).toBe(`${THREADEO?.name}.keyhold-share`)
    const path = await saved(made.file.fileId)
    const bytes = readFileSync(path)
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1')
    for (const needle of [THREADEO?.secret, SPREEFLO?.secret, THREADEO?.name, THREADEO?.account, 'CANARY']) {
      expect(bytes.includes(Buffer.from(needle as string)), needle).toBe(false)
    }

    const { previewId, preview } = opened(await call(recipient.core, 'keyhold:share.open', { fileId: await chosen(path) }))
    expect(preview).toEqual({
      provider: 'threadeo',
      name: THREADEO?.name,
      account: THREADEO?.account,
      tags: THREADEO?.tags,
      expiresOn: null,
      details: THREADEO?.details,
      sharedAt: expect.any(Number),
      existingKeyId: null,
    })
    expect(JSON.stringify(preview)).not.toContain(THREADEO?.secret)
    expect(await call(recipient.core, 'keyhold:keys.list')).toEqual([])

    const accepted = await call(recipient.core, 'keyhold:share.accept', { previewId, name: 'Threadeo from Dana' })
    expect(accepted.added).toBe(true)
    expect(accepted.key).toMatchObject({ name: 'Threadeo from Dana', account: THREADEO?.account, tags: THREADEO?.tags, details: THREADEO?.details, notes: '' })
    expect(recipient.core.vault.keys().readSecret(accepted.key.id)).toBe(THREADEO?.secret)
    // Only that key came over: not the sender's other key, not its notes.
    expect((await call(recipient.core, 'keyhold:keys.list')).map((k) => k.id)).toEqual([accepted.key.id])

    expect(await kinds(sender.core, key.id)).toEqual(['shared {"via":"share-file"}', 'created'])
    expect(await kinds(sender.core, other.id)).toEqual(['created'])
    expect(await kinds(recipient.core, accepted.key.id)).toEqual(['imported {"from":"share-file","result":"added"}'])
    // An accepted preview is gone: a second accept cannot add it twice.
    expect((await callError(recipient.core, 'keyhold:share.accept', { previewId })).code).toBe('FILE_GONE')
  })

  it('to a passphrase: shown once, asked for by the recipient, typed back loosely, and the key added', async () => {
    const key = await call(sender.core, 'keyhold:keys.add', SPREEFLO)
    const made = await call(sender.core, 'keyhold:share.makeFile', { id: key.id, to: { passphrase: true } })
    expect(made.passphrase).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/)
    expect(made.fingerprint).toBeUndefined()
    const path = await saved(made.file.fileId)
    const bytes = readFileSync(path)
    expect(bytes.includes(Buffer.from(SPREEFLO?.secret as string))).toBe(false)
    expect(bytes.includes(Buffer.from((made.passphrase as string).replaceAll('-', '')))).toBe(false)

    const first = await call(recipient.core, 'keyhold:share.open', { fileId: await chosen(path) })
    if (!first.needsPassphrase) throw new Error('a passphrase file opened without its passphrase')
    // Read over the phone and typed in lower case with spaces.
    const typed = (made.passphrase as string).toLowerCase().replaceAll('-', ' ')
    const { previewId, preview } = opened(await call(recipient.core, 'keyhold:share.open', { fileId: first.fileId, passphrase: typed }))
    expect(preview).toMatchObject({ provider: 'spreeflo', name: SPREEFLO?.name, details: SPREEFLO?.details, existingKeyId: null })
    const accepted = await call(recipient.core, 'keyhold:share.accept', { previewId })
    expect(accepted.key.name).toBe(SPREEFLO?.name)
    expect(recipient.core.vault.keys().readSecret(accepted.key.id)).toBe(SPREEFLO?.secret)
    expect(await kinds(sender.core, key.id)).toEqual(['shared {"via":"share-file"}', 'created'])
    expect(await kinds(recipient.core, accepted.key.id)).toEqual(['imported {"from":"share-file","result":"added"}'])
  })

  it('answers the key already in the vault (same provider and secret) instead of adding it twice', async () => {
    const key = await call(sender.core, 'keyhold:keys.add', SPREEFLO)
    const mine = await call(recipient.core, 'keyhold:keys.add', { ...SPREEFLO, name: 'Mine already' })
    const { code } = await call(recipient.core, 'keyhold:share.code')
    const made = await call(sender.core, 'keyhold:share.makeFile', { id: key.id, to: { code } })
    const { previewId, preview } = opened(await call(recipient.core, 'keyhold:share.open', { fileId: await chosen(await saved(made.file.fileId)) }))
    expect(preview.existingKeyId).toBe(mine.id)
    expect(await call(recipient.core, 'keyhold:share.accept', { previewId })).toEqual({ added: false, key: await call(recipient.core, 'keyhold:keys.get', { id: mine.id }) })
    expect((await call(recipient.core, 'keyhold:keys.list')).map((k) => k.id)).toEqual([mine.id])
    expect(await kinds(recipient.core, mine.id)).toEqual(['created'])
  })

  describe('refuses, with its sentence, and adds nothing', () => {
    let path: string
    let passphrasePath: string
    let passphrase: string
    beforeEach(async () => {
      await call(recipient.core, 'keyhold:keys.add', { ...sampleKeys('theirs')[3] })
      const key = await call(sender.core, 'keyhold:keys.add', THREADEO)
      const { code } = await call(recipient.core, 'keyhold:share.code')
      // Both files take the key's name: each is kept aside before the next is saved over it.
      path = join(between.path, 'by-code.keyhold-share')
      writeFileSync(path, readFileSync(await saved((await call(sender.core, 'keyhold:share.makeFile', { id: key.id, to: { code } })).file.fileId)))
      const byPassphrase = await call(sender.core, 'keyhold:share.makeFile', { id: key.id, to: { passphrase: true } })
      passphrase = byPassphrase.passphrase as string
      passphrasePath = join(between.path, 'by-passphrase.keyhold-share')
      writeFileSync(passphrasePath, readFileSync(await saved(byPassphrase.file.fileId)))
    })

    async function refusedWith(code: keyof typeof ERROR_MESSAGES, file: string, typed?: string) {
      const before = await call(recipient.core, 'keyhold:keys.list')
      const error = await callError(recipient.core, 'keyhold:share.open', { fileId: await chosen(file), ...(typed !== undefined ? { passphrase: typed } : {}) })
      expect(error).toMatchObject({ code, message: ERROR_MESSAGES[code] })
      expect(await call(recipient.core, 'keyhold:keys.list')).toEqual(before)
      expect(before).toHaveLength(1)
    }
    const variant = (bytes: Buffer, name: string) => {
      const out = join(between.path, name)
      writeFileSync(out, bytes)
      return out
    }

    it('a file made for another vault', async () => {
      const third = await person('keyhold-third-')
      try {
        const { code } = await call(third.core, 'keyhold:share.code')
        const key = await call(sender.core, 'keyhold:keys.add', SPREEFLO)
        await refusedWith('SHARE_FILE_NOT_FOR_YOU', await saved((await call(sender.core, 'keyhold:share.makeFile', { id: key.id, to: { code } })).file.fileId))
      } finally {
        await third.core.shutdown()
        third.dir.remove()
      }
    })

    it('a wrong passphrase', async () => {
      const wrong = `${passphrase.slice(0, -1)}${passphrase.endsWith('0') ? '1' : '0'}`
      await refusedWith('SHARE_FILE_NOT_FOR_YOU', passphrasePath, wrong)
      // As the window does it: opened, then a mistyped passphrase; the file stays open for another try.
      const first = await call(recipient.core, 'keyhold:share.open', { fileId: await chosen(passphrasePath) })
      if (!first.needsPassphrase) throw new Error('expected a passphrase file')
      expect(await callError(recipient.core, 'keyhold:share.open', { fileId: first.fileId, passphrase: wrong })).toMatchObject({ code: 'SHARE_FILE_NOT_FOR_YOU', field: 'passphrase' })
      expect((await call(recipient.core, 'keyhold:share.open', { fileId: first.fileId, passphrase })).needsPassphrase).toBe(false)
      // Opened, it is let go: its id opens nothing more.
      expect((await callError(recipient.core, 'keyhold:share.open', { fileId: first.fileId, passphrase })).code).toBe('FILE_GONE')
    })

    it('a passphrase file opened by a vault that has no sharing identity yet needs only the passphrase', async () => {
      const fresh = await person('keyhold-fresh-')
      try {
        fresh.dialogs.next = passphrasePath
        const ref = await call(fresh.core, 'keyhold:files.choose', { purpose: 'share-file' })
        const first = await call(fresh.core, 'keyhold:share.open', { fileId: ref?.fileId })
        expect(first.needsPassphrase).toBe(true)
      } finally {
        await fresh.core.shutdown()
        fresh.dir.remove()
      }
    })

    it('a byte changed in the encrypted key, or in the header', async () => {
      const bytes = readFileSync(path)
      const payload = Buffer.from(bytes)
      payload[payload.length - 20] = (payload[payload.length - 20] as number) ^ 0x01
      await refusedWith('SHARE_FILE_DAMAGED', variant(payload, 'tampered-payload.keyhold-share'))
      const header = Buffer.from(bytes)
      const mac = header.indexOf('\n---') + 10
      header[mac] = header[mac] === 0x41 ? 0x42 : 0x41
      await refusedWith('SHARE_FILE_DAMAGED', variant(header, 'tampered-header.keyhold-share'))
    })

    it('a file cut short, in its body or in its header', async () => {
      const bytes = readFileSync(path)
      await refusedWith('SHARE_FILE_DAMAGED', variant(bytes.subarray(0, bytes.length - 10), 'short.keyhold-share'))
      await refusedWith('SHARE_FILE_DAMAGED', variant(bytes.subarray(0, 40), 'shorter.keyhold-share'))
      await refusedWith('SHARE_FILE_DAMAGED', variant(Buffer.alloc(0), 'empty.keyhold-share'))
    })

    it('random bytes, and a plain-text key', async () => {
      await refusedWith('SHARE_FILE_DAMAGED', variant(randomBytes(4096), 'random.keyhold-share'))
      await refusedWith('SHARE_FILE_DAMAGED', variant(Buffer.from(JSON.stringify({ format: 'keyhold-share', version: 1 })), 'plain.keyhold-share'))
    })
  })

  it('will not share a revoked key, nor encrypt to something that is not a sharing code', async () => {
    const key = await call(sender.core, 'keyhold:keys.add', SPREEFLO)
    const { code } = await call(recipient.core, 'keyhold:share.code')
    // One character changed: the shape is right, the checksum is not.
    const last = code.at(-1) === 'q' ? 'p' : 'q'
    for (const bad of ['hello', `${code.slice(0, -1)}${last}`, 'AGE-SECRET-KEY-1QQQQ', `age1pq1${'q'.repeat(60)}`]) {
      expect(await callError(sender.core, 'keyhold:share.makeFile', { id: key.id, to: { code: bad } })).toMatchObject({ code: 'SHARE_CODE_INVALID', field: 'to.code', message: ERROR_MESSAGES.SHARE_CODE_INVALID })
    }
    sender.core.vault.keys().markRevoked(key.id)
    expect((await callError(sender.core, 'keyhold:share.makeFile', { id: key.id, to: { code } })).code).toBe('KEY_REVOKED')
    expect((await callError(sender.core, 'keyhold:share.makeFile', { id: key.id, to: { passphrase: true } })).code).toBe('KEY_REVOKED')
    // Nothing was shared: no entry, no file waiting.
    expect(await kinds(sender.core, key.id)).not.toContain('shared {"via":"share-file"}')
  })

  it('forgets an opened share when the vault locks, and keeps the identity sealed in the vault file', async () => {
    const key = await call(sender.core, 'keyhold:keys.add', SPREEFLO)
    const made = await call(sender.core, 'keyhold:share.makeFile', { id: key.id, to: { passphrase: true } })
    const path = await saved(made.file.fileId)
    const first = await call(recipient.core, 'keyhold:share.open', { fileId: await chosen(path) })
    if (!first.needsPassphrase) throw new Error('expected a passphrase file')
    const { previewId } = opened(await call(recipient.core, 'keyhold:share.open', { fileId: first.fileId, passphrase: made.passphrase }))
    await call(recipient.core, 'keyhold:vault.lock')
    await call(recipient.core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await callError(recipient.core, 'keyhold:share.accept', { previewId })).code).toBe('FILE_GONE')
    expect(await call(recipient.core, 'keyhold:keys.list')).toEqual([])
    // A passphrase file waiting for its passphrase is let go by a lock too.
    const waiting = await call(recipient.core, 'keyhold:share.open', { fileId: await chosen(path) })
    if (!waiting.needsPassphrase) throw new Error('expected a passphrase file')
    await call(recipient.core, 'keyhold:vault.lock')
    await call(recipient.core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect((await callError(recipient.core, 'keyhold:share.open', { fileId: waiting.fileId, passphrase: made.passphrase })).code).toBe('FILE_GONE')

    await call(sender.core, 'keyhold:share.code')
    const vaultBytes = readFileSync(sender.core.paths.vaultFile)
    expect(vaultBytes.includes(Buffer.from('AGE-SECRET-KEY-1'))).toBe(false)
  })
})
