// P0-6 for the diagnostics log (SECURITY.md's test battery): every contract method runs through a
// real core with a canary in every secret, name and note, then every file under logs/ is read and
// neither the canary nor a master password is anywhere in them, while the log still says where a
// forced INTERNAL failure came from.
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { LogRecord } from '../../electron/core/diagnostics/log-record'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { METHOD_CHANNELS, type MethodChannel } from '../../electron/shared/channels'
import type { MethodOutput } from '../../electron/shared/contract'
import type { ApiError } from '../../electron/shared/result'
import { startSandboxes, type Sandboxes } from '../sandbox'
import { keyInputs, useSandboxes } from '../support/checks'
import { testCore } from '../support/core'
import { FolderDialogs } from '../support/folder-dialogs'
import { tempDir } from '../support/fixtures'
import { MemoryClipboard } from '../support/memory-clipboard'
import { MemoryKeychain } from '../support/memory-keychain'

const CANARY = `CANARY-LOG-${randomBytes(6).toString('hex')}`
// Strong enough for the policy, and unique, so a match can only come from this run.
const PASSWORD = `${randomBytes(5).toString('hex')} violet tractor lantern oyster`
const NEW_PASSWORD = `${randomBytes(5).toString('hex')} harbour quartz meadow falcon`
const WRONG_PASSWORD = `${randomBytes(5).toString('hex')} not the password at all`
const secret = (label: string) => `${CANARY}-${label}`

let sandboxes: Sandboxes
beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(async () => {
  await sandboxes.close()
})

/** Every file of the logs folder, as someone sent it would read it. */
function logText(logs: string): string {
  return readdirSync(logs)
    .map((f) => readFileSync(join(logs, f), 'utf8'))
    .join('')
}
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
}

const records = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogRecord)

describe('the diagnostics log, after every flow with a canary in every key', () => {
  it('holds no secret, name, note or password (nor does any file, answer or event) — and the log does hold the forced INTERNAL failure’s channel and frames', async () => {
    const dir = tempDir('keyhold-canary-log-')
    const clipboard = new MemoryClipboard()
    const keychain = new MemoryKeychain()
    const keychainHeld: Buffer[] = []
    // Chosen and saved files live beside the data folder, as a person's Downloads would.
    const outside = tempDir('keyhold-canary-files-')
    const dialogs = new FolderDialogs(join(outside.path, 'saved'))
    const core: KeyholdCore = testCore(dir.path, { clipboard, checkTimeoutMs: 2_000, keychain, fileDialogs: dialogs, exportWorkFactor: 10, releaseMemoryAfterMs: 600_000 })
    // (The export's scrypt holds the loop for a while; the memory release a second after an unlock is memory-release.test.ts's subject, not this log's.)
    const called = new Set<MethodChannel>()
    // Every answer but a reveal's, and every event, as the window would receive them.
    const heard: string[] = []
    core.events.subscribe((event, payload) => heard.push(`${event} ${JSON.stringify(payload)}`))
    const run = async <C extends MethodChannel>(channel: C, input?: unknown): Promise<MethodOutput<C>> => {
      called.add(channel)
      const result = await core.handlers[channel](input)
      if (channel !== 'keyhold:keys.reveal') heard.push(`${channel} ${JSON.stringify(result)}`)
      if (!result.ok) throw new Error(`${channel} answered ${result.error.code}`)
      return result.value as MethodOutput<C>
    }
    const refuse = async (channel: MethodChannel, input?: unknown): Promise<ApiError> => {
      called.add(channel)
      const result = await core.handlers[channel](input)
      heard.push(`${channel} ${JSON.stringify(result)}`)
      if (result.ok) throw new Error(`${channel} succeeded where an error was expected`)
      return result.error
    }
    const finished = () => new Promise<void>((resolve) => {
      const stop = core.events.subscribe((event) => {
        if (event === 'keyhold:checks.finished') {
          stop()
          resolve()
        }
      })
    })

    try {
      // The vault.
      expect(await run('keyhold:vault.status')).toEqual({ state: 'absent' })
      await run('keyhold:vault.assessPassword', { password: PASSWORD })
      await run('keyhold:vault.create', { password: PASSWORD })
      called.add('keyhold:settings.update')
      await useSandboxes(core, sandboxes)
      await run('keyhold:settings.get')
      await run('keyhold:providers.list')

      // Adding, typed: one key per provider, the canary in the secret, the name, the notes, the account.
      const typed = {
        threadeo: secret('threadeo'),
        threatstop: secret('threatstop'),
        spreeflo: secret('spreeflo'),
        custom: secret('custom'),
      }
      sandboxes.threadeo.addKey({ secret: typed.threadeo, apiKey: 'TD-CANARY', tenant: 'acme' })
      sandboxes.threatstop.addKey({ secret: typed.threatstop })
      sandboxes.spreeflo.addKey({ secret: typed.spreeflo })
      sandboxes.custom.addKey({ secret: typed.custom })
      const extras = { notes: `notes ${CANARY}`, account: `${CANARY}@example.com`, tags: [`tag-${CANARY}`] }
      // Names with the canary but not the secret (keyInputs names a key after its secret), so a
      // secret found in an answer below is a leak, not a name.
      const named = (provider: string) => ({ ...extras, name: `${provider} key ${CANARY}` })
      const threadeo = await run('keyhold:keys.add', { ...keyInputs.threadeo(typed.threadeo, 'acme', 'TD-CANARY'), ...named('threadeo') })
      const threatstop = await run('keyhold:keys.add', { ...keyInputs.threatstop(typed.threatstop), ...named('threatstop') })
      const spreeflo = await run('keyhold:keys.add', { ...keyInputs.spreeflo(typed.spreeflo), ...named('spreeflo') })
      const custom = await run('keyhold:keys.add', { ...keyInputs.custom(typed.custom, sandboxes.custom.url, { kind: 'bearer' }), ...named('custom') })

      // Adding, pasted from the clipboard (read in core), and a capture thrown away.
      const pasted = secret('pasted')
      sandboxes.spreeflo.addKey({ secret: pasted })
      await clipboard.writeSecret(pasted)
      const capture = await run('keyhold:clipboard.capture')
      expect((await run('keyhold:keys.probe', { details: keyInputs.spreeflo(pasted).details, secretCaptureId: capture.captureId })).outcome).toBe('valid')
      const fromClipboard = await run('keyhold:keys.add', { name: `Pasted ${CANARY}`, details: keyInputs.spreeflo(pasted).details, secretCaptureId: capture.captureId })
      await clipboard.writeSecret(secret('discarded'))
      await run('keyhold:clipboard.discard', { captureId: (await run('keyhold:clipboard.capture')).captureId })

      // Reading, searching, copying, showing.
      await run('keyhold:keys.list')
      await run('keyhold:keys.search', { query: CANARY })
      await run('keyhold:keys.get', { id: threadeo.id })
      await run('keyhold:keys.copy', { id: spreeflo.id, field: 'secret' })
      expect(clipboard.text).toBe(typed.spreeflo)
      expect((await run('keyhold:keys.reveal', { id: custom.id, field: 'secret' })).value).toBe(typed.custom)
      await run('keyhold:keys.expiry')
      await run('keyhold:keys.limits', { details: threadeo.details })

      // Checks against the sandboxes: one by one, all at once, a cancel, and a probe typed in.
      for (const { id } of [threadeo, threatstop, spreeflo, custom, fromClipboard]) expect((await run('keyhold:keys.check', { id })).outcome).toBe('valid')
      const done = finished()
      const { runId } = await run('keyhold:checks.start')
      await done
      await run('keyhold:checks.cancel', { runId })
      expect((await run('keyhold:keys.probe', { details: keyInputs.threatstop(typed.threatstop).details, secret: typed.threatstop })).outcome).toBe('valid')
      await run('keyhold:keys.history', { id: threadeo.id })

      // Editing: a new name and a new secret.
      await run('keyhold:keys.update', { id: threatstop.id, changes: { name: `Renamed ${CANARY}`, notes: `more ${CANARY}`, secret: secret('threatstop-2') } })

      // Shares recorded at the provider: the recipient is the person's data, sealed and never logged.
      const recorded = await run('keyhold:keys.recordShare', { id: threatstop.id, with: `Colleague ${CANARY}` })
      await run('keyhold:keys.recordUnshare', { id: threatstop.id, shareId: recorded.share.shareId })

      // Rotating, then proving the old key revoked.
      const rotated = secret('spreeflo-rotated')
      sandboxes.spreeflo.addKey({ secret: rotated })
      await run('keyhold:keys.rotate', { id: spreeflo.id, secret: rotated })
      expect((await run('keyhold:keys.verifyRevoked', { id: spreeflo.id })).verdict).toBe('still-works')
      sandboxes.spreeflo.revoke(typed.spreeflo)
      expect((await run('keyhold:keys.verifyRevoked', { id: spreeflo.id })).verdict).toBe('confirmed')
      await run('keyhold:activity.list', {})
      // A file the person brings in holds keys in plain text; the log must not learn them.
      const brought = join(outside.path, `keys-${CANARY}.csv`)
      writeFileSync(brought, `name,key,url\nBrought ${CANARY},${secret('brought')},https://api.example.com\nNo address ${CANARY},${secret('nowhere')},\n`)
      dialogs.next = brought
      const chosen = await run('keyhold:files.choose', { purpose: 'import' })
      expect(chosen?.name).toBe(`keys-${CANARY}.csv`)
      // Imported (preview, then apply), and the whole vault exported, saved, and read back.
      const preview = await run('keyhold:import.preview', { fileId: chosen?.fileId })
      expect(preview.counts).toEqual({ add: 1, update: 0, skip: 1 })
      await run('keyhold:import.apply', { previewId: preview.previewId })
      const exportRef = await run('keyhold:vault.export', { passphrase: NEW_PASSWORD })
      await run('keyhold:files.save', { fileId: exportRef.fileId })
      const exportFile = dialogs.saved.at(-1) as string
      for (const needle of [CANARY, PASSWORD, NEW_PASSWORD]) expect(readFileSync(exportFile).includes(Buffer.from(needle)), `${needle} in the export`).toBe(false)
      dialogs.next = exportFile
      const back = await run('keyhold:import.preview', { fileId: (await run('keyhold:files.choose', { purpose: 'vault-export' }))?.fileId, passphrase: NEW_PASSWORD })
      expect(back.counts.add).toBe(0)
      const made = core.files.offer('made.keyhold-export', Buffer.from('sealed bytes'), 'application/octet-stream')
      expect(await run('keyhold:files.save', { fileId: made.fileId })).toEqual({ saved: true })
      // A share file to this vault's own code, saved, chosen again and opened (its key is already here).
      const { code } = await run('keyhold:share.code')
      const shared = await run('keyhold:share.makeFile', { id: threadeo.id, to: { code } })
      expect(await run('keyhold:files.save', { fileId: shared.file.fileId })).toEqual({ saved: true })
      const shareFile = dialogs.saved.at(-1) as string
      expect(readFileSync(shareFile).includes(Buffer.from(CANARY))).toBe(false)
      dialogs.next = shareFile
      const opened = await run('keyhold:share.open', { fileId: (await run('keyhold:files.choose', { purpose: 'share-file' }))?.fileId })
      if (opened.needsPassphrase) throw new Error('a file to a code asked for a passphrase')
      expect(opened.preview.existingKeyId).toBe(threadeo.id)
      expect((await run('keyhold:share.accept', { previewId: opened.previewId })).added).toBe(false)
      // And by passphrase (answered once), refused with a wrong one that carries the canary, then opened.
      const byPassphrase = await run('keyhold:share.makeFile', { id: threatstop.id, to: { passphrase: true } })
      expect(await run('keyhold:files.save', { fileId: byPassphrase.file.fileId })).toEqual({ saved: true })
      expect(readFileSync(dialogs.saved.at(-1) as string).includes(Buffer.from(CANARY))).toBe(false)
      dialogs.next = dialogs.saved.at(-1)
      const locked = await run('keyhold:share.open', { fileId: (await run('keyhold:files.choose', { purpose: 'share-file' }))?.fileId })
      if (!locked.needsPassphrase) throw new Error('a passphrase file opened without one')
      expect((await refuse('keyhold:share.open', { fileId: locked.fileId, passphrase: `wrong ${CANARY}` })).code).toBe('SHARE_FILE_NOT_FOR_YOU')
      dialogs.next = dialogs.saved.at(-1)
      const again = await run('keyhold:share.open', { fileId: (await run('keyhold:files.choose', { purpose: 'share-file' }))?.fileId })
      if (!again.needsPassphrase) throw new Error('a passphrase file opened without one')
      const unlockedShare = await run('keyhold:share.open', { fileId: again.fileId, passphrase: byPassphrase.passphrase })
      if (unlockedShare.needsPassphrase) throw new Error('the passphrase did not open it')
      expect((await refuse('keyhold:share.makeFile', { id: threadeo.id, to: { code: `age1${CANARY}` } })).code).toBe('SHARE_CODE_INVALID')

      // Errors on purpose: each carries the canary in what was sent.
      expect((await refuse('keyhold:keys.add', { name: `bad\u0007${CANARY}`, details: keyInputs.spreeflo('x').details, secret: secret('ctl') })).code).toBe('NAME_CONTROL_CHARS')
      expect((await refuse('keyhold:keys.add', { name: 'Padded', details: keyInputs.spreeflo('x').details, secret: ` ${secret('padded')}\n` })).code).toBe('SECRET_WHITESPACE')
      expect((await refuse('keyhold:keys.add', { name: 'Extra', details: keyInputs.spreeflo('x').details, secret: secret('extra'), [CANARY]: CANARY })).code).toBe('INVALID_INPUT')
      expect((await refuse('keyhold:keys.rotate', { id: threadeo.id, secret: typed.threadeo })).code).toBe('INVALID_INPUT')
      expect((await refuse('keyhold:keys.recordShare', { id: threadeo.id, with: `Colleague ${CANARY}` })).code).toBe('INVALID_INPUT')
      expect((await refuse('keyhold:keys.get', { id: '00000000-0000-4000-8000-000000000000' })).code).toBe('KEY_NOT_FOUND')
      expect((await refuse('keyhold:vault.create', { password: PASSWORD })).code).toBe('VAULT_EXISTS')
      expect((await refuse('keyhold:vault.changePassword', { currentPassword: WRONG_PASSWORD, newPassword: NEW_PASSWORD })).code).toBe('WRONG_PASSWORD')
      expect((await refuse('keyhold:vault.changePassword', { currentPassword: PASSWORD, newPassword: `${CANARY.slice(0, 6)}` })).code).toBe('WEAK_PASSWORD')

      // A forced INTERNAL failure on a call, and one inside a "check all" run (after its call
      // answered): the failing code is handed the secret, and its message carries it.
      const keys = core.vault.keys()
      const readSecret = keys.readSecret.bind(keys)
      const leaky = (id: string): never => {
        throw new TypeError(`could not use ${readSecret(id)} (${CANARY})`)
      }
      const spy = vi.spyOn(keys, 'readSecret').mockImplementationOnce(leaky)
      expect((await refuse('keyhold:keys.reveal', { id: custom.id, field: 'secret' })).code).toBe('INTERNAL')
      spy.mockImplementationOnce(leaky)
      const failing = finished()
      await run('keyhold:checks.start', { ids: [threadeo.id] })
      await failing
      spy.mockRestore()

      // A new master password, a lock, a refused wrong password, an unlock, a delete.
      await run('keyhold:vault.changePassword', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
      await run('keyhold:vault.lock')
      expect((await refuse('keyhold:keys.reveal', { id: custom.id, field: 'secret' })).code).toBe('VAULT_LOCKED')
      expect((await refuse('keyhold:vault.unlock', { password: WRONG_PASSWORD })).code).toBe('WRONG_PASSWORD')
      expect((await refuse('keyhold:vault.unlock', { password: PASSWORD })).code).toBe('WRONG_PASSWORD')
      await run('keyhold:vault.unlock', { password: NEW_PASSWORD })
      // Backups: one now, listed, previewed (names in the answer), restored over the vault (which is kept as a backup first).
      const backup = await run('keyhold:backups.create')
      expect((await run('keyhold:backups.list')).backups).toHaveLength(1)
      expect((await run('keyhold:backups.preview', { backupId: backup.backupId })).keyCount).toBeGreaterThan(0)
      expect(await run('keyhold:backups.restore', { backupId: backup.backupId })).toEqual({ state: 'locked' })
      await run('keyhold:vault.unlock', { password: NEW_PASSWORD })
      // Keychain unlock: on, a lock, an unlock from the keychain, off.
      await run('keyhold:vault.keychainStatus')
      await run('keyhold:vault.setKeychainUnlock', { enabled: true, password: NEW_PASSWORD })
      keychainHeld.push(...[...keychain.entries.values()].map((b) => Buffer.from(b)))
      await run('keyhold:vault.lock')
      await run('keyhold:vault.unlockWithKeychain')
      await run('keyhold:vault.setKeychainUnlock', { enabled: false })
      await run('keyhold:keys.delete', { id: custom.id })
    } finally {
      await core.shutdown()
    }

    try {
      // Every method of the contract ran in this test.
      expect([...called].sort()).toEqual([...METHOD_CHANNELS].sort())
      // The secrets really went out (so their absence from the log means something).
      expect(sandboxes.spreeflo.received.some((r) => JSON.stringify(r).includes(CANARY))).toBe(true)

      // Secrets are `${CANARY}-label`; names, notes and tags carry the canary too, but never so.
      const leaks = heard.filter((line) => line.includes(`${CANARY}-`))
      expect(leaks.map((l) => l.slice(0, 300)), 'a secret in an answer or an event').toEqual([])
      expect(heard.length).toBeGreaterThan(60)

      // Every file Keyhold wrote — vault, WAL, backups, logs — as raw bytes: no canary in any
      // encoding, not even in a name (names are encrypted too), and no password.
      const written = filesUnder(dir.path)
      expect(written.some((f) => f.endsWith('vault.keyhold'))).toBe(true)
      for (const file of written) {
        const bytes = readFileSync(file)
        for (const needle of [CANARY, PASSWORD, NEW_PASSWORD]) {
          expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${file}`).toBe(false)
          expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (UTF-16) in ${file}`).toBe(false)
        }
      }

      const logs = join(dir.path, 'logs')
      expect(readdirSync(logs)).toEqual(['keyhold.log'])
      const text = logText(logs)
      for (const needle of [CANARY, PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, 'violet tractor', 'harbour quartz', '@example.com']) expect(text).not.toContain(needle)
      expect(keychainHeld).toHaveLength(1)
      for (const held of keychainHeld) for (const form of ['hex', 'base64'] as const) expect(text).not.toContain(held.toString(form))

      const all = records(text)
      const internal = all.filter((r) => r.error?.code === 'INTERNAL')
      expect(internal.map((r) => r.channel)).toEqual(['keyhold:keys.reveal', 'keyhold:checks.start'])
      for (const r of internal) {
        expect(r).toMatchObject({ level: 'error', error: { name: 'TypeError' } })
        // Where it came from: the throwing function and the core code that called it.
        expect(r.error?.frames?.[0]).toMatch(/^(KeyStore\.)?leaky \(.*diagnostics-canary\.test\.ts:\d+:\d+\)$/)
        expect(r.error?.frames?.some((f) => /electron\/core\/(api|checks)\/[\w-]+\.ts:\d+:\d+/.test(f))).toBe(true)
      }
      // Expected errors: the channel and the code, nothing else.
      const expected = all.filter((r) => r.level === 'warn').map((r) => `${r.channel} ${r.error?.code}`)
      expect(expected).toEqual([
        'keyhold:share.open SHARE_FILE_NOT_FOR_YOU',
        'keyhold:share.makeFile SHARE_CODE_INVALID',
        'keyhold:keys.add NAME_CONTROL_CHARS',
        'keyhold:keys.add SECRET_WHITESPACE',
        'keyhold:keys.add INVALID_INPUT',
        'keyhold:keys.rotate INVALID_INPUT',
        'keyhold:keys.recordShare INVALID_INPUT',
        'keyhold:keys.get KEY_NOT_FOUND',
        'keyhold:vault.create VAULT_EXISTS',
        'keyhold:vault.changePassword WRONG_PASSWORD',
        'keyhold:vault.changePassword WEAK_PASSWORD',
        'keyhold:keys.reveal VAULT_LOCKED',
        'keyhold:vault.unlock WRONG_PASSWORD',
        'keyhold:vault.unlock WRONG_PASSWORD',
      ])
      for (const r of all.filter((r) => r.level === 'warn')) expect(Object.keys(r).sort()).toEqual(['channel', 'error', 'level', 'time'])
      // The memory release comes a second after an unlock or a lock, wherever the machine's load puts
      // it among the rest: it says only how long it took and how much memory is held.
      for (const r of all.filter((r) => r.event === 'memory.released')) expect(Object.keys(r.fields ?? {}).sort()).toEqual(['ms', 'rssMb'])
      // Start, unlocks and locks (with why), stop: no data.
      expect(all.filter((r) => r.event && r.event !== 'memory.released').map((r) => [r.event, r.fields?.['reason']].filter(Boolean).join(' '))).toEqual([
        'core.started',
        'vault.unlocked',
        'vault.locking user',
        'vault.unlocked',
        'backup.made manual',
        'backup.made before-restore',
        'vault.locking user',
        'backup.restored manual',
        'vault.unlocked',
        'vault.locking user',
        'vault.unlocked',
        'vault.locking quit',
        'core.stopped',
      ])
    } finally {
      dir.remove()
      outside.remove()
    }
  })
})
