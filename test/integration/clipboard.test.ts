import { execFile, spawn } from 'node:child_process'
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest'
import { createSystemClipboard } from '../../electron/platform/clipboard/system-clipboard'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import type { ClipboardState } from '../../electron/shared/dto'
import { call, callError, testCore } from '../support/core'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { startXvfb, watchSelectionOwner, type OwnerWatch, type XDisplay } from '../support/xvfb'

/*
 * Copy, clear and capture through core's contract, against the real X11 clipboard of our own
 * X server, read from outside the process with xclip as another program would paste.
 */

let x: XDisplay
let owners: OwnerWatch
let env: NodeJS.ProcessEnv
let dir: ReturnType<typeof tempDir>
let core: KeyholdCore

const xclip = (args: string[]) =>
  new Promise<string>((resolve) =>
    execFile('xclip', ['-selection', 'clipboard', ...args, '-o'], { env, timeout: 3000 }, (err, stdout) => resolve(err ? '' : stdout)),
  )
/**
 * Copies as another program does (xclip keeps serving in the background, TOOLCHAIN.md), and
 * returns once xclip really owns the clipboard — an X event, not a guess.
 */
async function userCopies(text: string): Promise<void> {
  await owners.settle()
  const owned = owners.next(() => true)
  const child = spawn('xclip', ['-selection', 'clipboard', '-i'], { env, stdio: ['pipe', 'ignore', 'ignore'] })
  child.stdin.end(text)
  await owned
}
const nextClipboardState = (match: (s: ClipboardState) => boolean) =>
  new Promise<ClipboardState>((resolve) => {
    const off = core.events.subscribe((event, payload) => {
      if (event === 'keyhold:clipboard.changed' && match(payload as ClipboardState)) {
        off()
        resolve(payload as ClipboardState)
      }
    })
  })

beforeAll(async () => {
  x = await startXvfb()
  env = { ...process.env, DISPLAY: x.display }
  owners = await watchSelectionOwner(x.display)
})
afterAll(async () => {
  await owners.close()
  await x.stop()
})
beforeEach(async () => {
  dir = tempDir()
  core = testCore(dir.path, { clipboard: createSystemClipboard(env) })
  await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
})
afterEach(async () => {
  await core.shutdown()
  dir.remove()
})

async function addKey(index = 0) {
  const input = sampleKeys(`clip${index}`)[index] as NonNullable<ReturnType<typeof sampleKeys>[number]>
  const { id } = await call(core, 'keyhold:keys.add', input)
  return { id, input }
}

describe('copy, through core, to the real X11 clipboard', () => {
  it('puts exactly the value there with the password-manager hint, and answers without it', async () => {
    const { id, input } = await addKey(1)
    const answer = await call(core, 'keyhold:keys.copy', { id, field: 'secret' })
    expect(answer).toEqual({ keyId: id, field: 'secret', clearAfterSeconds: 30, concealed: true })
    expect(JSON.stringify(answer)).not.toContain(input.secret as string)
    expect(await xclip([])).toBe(input.secret)
    expect((await xclip(['-t', 'TARGETS'])).split('\n')).toContain('x-kde-passwordManagerHint')
    expect(await xclip(['-t', 'x-kde-passwordManagerHint'])).toBe('secret')
  })

  it('copies the field asked for: Threadeo’s API key or its secret token', async () => {
    const { id, input } = await addKey(0)
    await call(core, 'keyhold:keys.copy', { id, field: 'apiKey' })
    expect(await xclip([])).toBe(input.details.provider === 'threadeo' ? input.details.apiKey : '')
    await call(core, 'keyhold:keys.copy', { id, field: 'secret' })
    expect(await xclip([])).toBe(input.secret)
    const spreeflo = await addKey(2)
    expect(await callError(core, 'keyhold:keys.copy', { id: spreeflo.id, field: 'apiKey' })).toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('clears it when the timeout runs out', async () => {
    await call(core, 'keyhold:settings.update', { clipboard: { clearAfterSeconds: 10 } })
    const { id, input } = await addKey(1)
    const cleared = nextClipboardState((s) => s.state === 'cleared')
    expect((await call(core, 'keyhold:keys.copy', { id, field: 'secret' })).clearAfterSeconds).toBe(10)
    expect(await xclip([])).toBe(input.secret)
    expect(await cleared).toEqual({ state: 'cleared', reason: 'timeout' })
    expect(await xclip([])).toBe('')
  }, 20_000)

  it('leaves alone what the person copied before the timeout', async () => {
    await call(core, 'keyhold:settings.update', { clipboard: { clearAfterSeconds: 10 } })
    const { id } = await addKey(1)
    const done = nextClipboardState((s) => s.state === 'cleared')
    await call(core, 'keyhold:keys.copy', { id, field: 'secret' })
    await userCopies('the person’s own text')
    expect(await done).toEqual({ state: 'cleared', reason: 'replaced' })
    expect(await xclip([])).toBe('the person’s own text')
  }, 20_000)

  it('clears it when the vault locks', async () => {
    const { id, input } = await addKey(3)
    await call(core, 'keyhold:keys.copy', { id, field: 'secret' })
    expect(await xclip([])).toBe(input.secret)
    await call(core, 'keyhold:vault.lock')
    expect(await xclip([])).toBe('')
  })

  it('refuses a timeout outside 10 s to 5 min', async () => {
    for (const clearAfterSeconds of [5, 301, 12.5]) {
      expect(await callError(core, 'keyhold:settings.update', { clipboard: { clearAfterSeconds } })).toMatchObject({ code: 'INVALID_INPUT' })
    }
  })
})

describe('paste from clipboard', () => {
  it('reads the value in core, clears the clipboard, and stores it when the key is saved', async () => {
    const token = 'CANARY-captured-token-5b1d'
    await userCopies(token)
    const capture = await call(core, 'keyhold:clipboard.capture')
    expect(capture).toMatchObject({ length: token.length, edgeWhitespace: false, invisibleCharacters: false, tooLong: false })
    expect(JSON.stringify(capture)).not.toContain(token)
    expect(await xclip([])).toBe('')
    const { secret: _typed, ...input } = sampleKeys('cap')[2] as NonNullable<ReturnType<typeof sampleKeys>[number]>
    const added = await call(core, 'keyhold:keys.add', { ...input, secretCaptureId: capture.captureId })
    expect(core.vault.keys().readSecret(added.id)).toBe(token)
    // The capture is spent: it cannot be used for a second key.
    expect(await callError(core, 'keyhold:keys.add', { ...input, secretCaptureId: capture.captureId })).toMatchObject({ code: 'INVALID_INPUT', field: 'secret' })
    expect(core.vault.activity().forKey(added.id).map((a) => a.kind)).toEqual(['created', 'captured'])
  })

  it('reports the shape of what was pasted, and the whitespace rule still applies', async () => {
    await userCopies('  tok_with_spaces\u200b  ')
    const capture = await call(core, 'keyhold:clipboard.capture')
    expect(capture).toMatchObject({ edgeWhitespace: true, invisibleCharacters: true })
    const { secret: _typed, ...input } = sampleKeys('cap2')[2] as NonNullable<ReturnType<typeof sampleKeys>[number]>
    expect(await callError(core, 'keyhold:keys.add', { ...input, secretCaptureId: capture.captureId })).toMatchObject({ code: 'SECRET_WHITESPACE' })
    const added = await call(core, 'keyhold:keys.add', { ...input, secretCaptureId: capture.captureId, trimSecret: true })
    expect(core.vault.keys().readSecret(added.id)).toBe('tok_with_spaces')
  })

  it('says the clipboard is empty when it is', async () => {
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await callError(core, 'keyhold:clipboard.capture')).toMatchObject({ code: 'CLIPBOARD_EMPTY' })
  })
})

describe('reveal', () => {
  it('answers the value with its display time, and logs it', async () => {
    const { id, input } = await addKey(1)
    expect(await call(core, 'keyhold:keys.reveal', { id, field: 'secret' })).toEqual({ keyId: id, field: 'secret', value: input.secret, hideAfterSeconds: 20 })
    await call(core, 'keyhold:keys.copy', { id, field: 'secret' })
    expect(core.vault.activity().forKey(id).map((a) => `${a.kind}:${a.field}`)).toEqual(['created:null', 'revealed:secret', 'copied:secret'])
  })
})
