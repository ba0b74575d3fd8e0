// Files in and out by id: each used once, never over the limit, zeroed when used, dropped or locked,
// and shown by their own name only.
import { describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES } from '../../electron/shared/files'
import { FileExchange, safeName } from '../../electron/core/files/file-exchange'
import { VaultLifecycle } from '../../electron/core/vault-lifecycle'
import { filesApi } from '../../electron/core/api/files'
import type { ApiDeps } from '../../electron/core/api/deps'
import type { FileDialogPort } from '../../electron/core/files/file-dialogs'

const bytes = (text: string) => Buffer.from(text, 'utf8')
const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (err) {
    return (err as { code?: string }).code
  }
  return undefined
}

describe('FileExchange', () => {
  it('hands a received file to one taker, then answers FILE_GONE', () => {
    const files = new FileExchange(new VaultLifecycle())
    const ref = files.receive('keys.csv', bytes('name,key\nA,abc'))
    expect(ref).toMatchObject({ name: 'keys.csv', size: 14 })
    expect(files.take(ref.fileId).bytes.toString()).toBe('name,key\nA,abc')
    expect(codeOf(() => files.take(ref.fileId))).toBe('FILE_GONE')
  })

  it('refuses a file over the limit and zeroes what it was given', () => {
    const files = new FileExchange(new VaultLifecycle())
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 7)
    expect(codeOf(() => files.receive('big.bin', big))).toBe('FILE_TOO_LARGE')
    expect(big.every((b) => b === 0)).toBe(true)
    expect(files.receive('exact.bin', Buffer.alloc(MAX_FILE_BYTES)).size).toBe(MAX_FILE_BYTES)
  })

  it('zeroes and drops everything it holds when the vault locks', async () => {
    const lifecycle = new VaultLifecycle()
    const files = new FileExchange(lifecycle)
    const secretCsv = bytes('name,key\nA,CANARY-secret')
    const inRef = files.receive('keys.csv', secretCsv)
    const made = bytes('age-encryption.org/v1 …')
    const outRef = files.offer('vault.keyhold-export', made, 'application/octet-stream')
    await lifecycle.announce('willLock', 'user')
    expect(secretCsv.every((b) => b === 0)).toBe(true)
    expect(made.every((b) => b === 0)).toBe(true)
    expect(codeOf(() => files.take(inRef.fileId))).toBe('FILE_GONE')
    expect(files.offered(outRef.fileId)).toBe(false)
  })

  it('holds at most eight files each way, dropping (and zeroing) the oldest', () => {
    const files = new FileExchange(new VaultLifecycle())
    const first = bytes('first')
    const firstRef = files.receive('1.csv', first)
    for (let i = 2; i <= 9; i++) files.receive(`${i}.csv`, bytes(String(i)))
    expect(codeOf(() => files.take(firstRef.fileId))).toBe('FILE_GONE')
    expect(first.every((b) => b === 0)).toBe(true)
  })

  it('keeps a file name only: no folder, no control characters, never empty', () => {
    expect(safeName('/home/ann/Downloads/keys.csv')).toBe('keys.csv')
    expect(safeName('C:\\Users\\ann\\keys.csv')).toBe('keys.csv')
    expect(safeName('../../etc/passwd')).toBe('passwd')
    expect(safeName('a\u0000b\nc.csv')).toBe('abc.csv')
    expect(safeName('')).toBe('file')
    expect(safeName('..')).toBe('file')
    expect([...safeName('x'.repeat(500))].length).toBe(120)
  })
})

describe('files.choose and files.save through the dialog port', () => {
  const deps = (fileDialogs?: FileDialogPort) => {
    const files = new FileExchange(new VaultLifecycle())
    return { files, api: filesApi({ files, fileDialogs } as unknown as ApiDeps) }
  }

  it('puts the picked file in the exchange, or answers null when the person cancels', async () => {
    const picked = { name: '/tmp/x/keys.env', bytes: bytes('A=1') }
    let answer: typeof picked | undefined = picked
    const { files, api } = deps({ open: async () => answer, save: async () => true })
    const ref = await api['keyhold:files.choose']({ purpose: 'import' })
    expect(ref?.name).toBe('keys.env')
    expect(files.take(ref?.fileId ?? '').bytes.toString()).toBe('A=1')
    answer = undefined
    expect(await api['keyhold:files.choose']({ purpose: 'import' })).toBeNull()
  })

  it('saves a made file once, zeroing it after the dialog has written it', async () => {
    const written: string[] = []
    const { files, api } = deps({ open: async () => undefined, save: async (name, b) => (written.push(`${name}:${b.toString()}`), true) })
    const made = bytes('sealed')
    const ref = files.offer('ann.keyhold-share', made, 'application/octet-stream')
    expect(await api['keyhold:files.save']({ fileId: ref.fileId })).toEqual({ saved: true })
    expect(written).toEqual(['ann.keyhold-share:sealed'])
    expect(made.every((b) => b === 0)).toBe(true)
    await expect(api['keyhold:files.save']({ fileId: ref.fileId })).rejects.toMatchObject({ code: 'FILE_GONE' })
  })

  it('answers FILES_UNAVAILABLE where the host has no dialogs (the web host uses its routes)', async () => {
    const { api } = deps(undefined)
    await expect(api['keyhold:files.choose']({ purpose: 'import' })).rejects.toMatchObject({ code: 'FILES_UNAVAILABLE' })
  })
})
