import { execFile } from 'node:child_process'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Entry } from '@napi-rs/keyring'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { keychainFile, NO_KEYCHAIN_REASON } from '../../electron/core/vault/keychain-unlock'
import { createSystemKeychain, unavailableReason } from '../../electron/platform/keychain/system-keychain'
import type { RevealResult } from '../../electron/shared/dto'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { call, callError, testCore } from '../support/core'
import { MemoryClipboard } from '../support/memory-clipboard'
import { MemoryKeychain } from '../support/memory-keychain'
import { OTHER_STRONG_PASSWORD, sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { startSecretService, type SecretService } from '../support/secret-service'

/**
 * Keychain unlock against a real gnome-keyring in a D-Bus session this file starts: every read
 * and write below goes through @napi-rs/keyring to the Secret Service, and "outside Keyhold" is
 * the same library writing to the same keyring directly, as another program would.
 */
const SERVICE = 'Keyhold'
const LOST = ERROR_MESSAGES.KEYCHAIN_ENTRY_LOST
let service: SecretService

beforeAll(async () => {
  service = await startSecretService()
  // Before the first keyring call of this process: the D-Bus connection it makes is kept.
  process.env['DBUS_SESSION_BUS_ADDRESS'] = service.address
})
afterAll(async () => {
  await service.stop()
})

/** The keychain as another program sees it: Keyhold's entry for this account, read directly. */
const outside = (account: string) => new Entry(SERVICE, account, { linux: { store: 'secret-service' } })

describe('the system keychain adapter', () => {
  it('stores, reads and removes a secret in the real keyring', async () => {
    const keychain = createSystemKeychain('KeyholdAdapterTest')
    expect(await keychain.available()).toEqual({ ok: true })
    const secret = Buffer.from([0, 1, 2, 250, 251, 255, 7, 8])
    await keychain.store('round-trip', secret)
    expect(await keychain.read('round-trip')).toEqual(secret)
    // Another program reading the keyring finds the same bytes under Keyhold's service.
    expect(Buffer.from(new Entry('KeyholdAdapterTest', 'round-trip', { linux: { store: 'secret-service' } }).getSecret() ?? [])).toEqual(secret)
    expect(await keychain.remove('round-trip')).toBe(true)
    expect(await keychain.read('round-trip')).toBeNull()
    expect(await keychain.remove('round-trip')).toBe(false)
  })
})

describe('unlock with the system keychain', () => {
  let dir: ReturnType<typeof tempDir>
  let core: KeyholdCore
  let vaultId: string
  let keyId: string
  const secret = 'sk-keychain-canary-5e2d'

  beforeEach(async () => {
    dir = tempDir()
    core = testCore(dir.path, { clipboard: new MemoryClipboard(), keychain: createSystemKeychain() })
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    keyId = (await call(core, 'keyhold:keys.add', { ...sampleKeys('kc')[0], secret })).id
    vaultId = (core.vault as unknown as { open: { db: { prepare(sql: string): { get(): { vault_id: string } } } } }).open.db.prepare('SELECT vault_id FROM vault_header').get().vault_id
  })
  afterEach(async () => {
    await core.shutdown()
    outside(vaultId).deleteCredential()
    dir.remove()
  })

  const vaultKey = () => Buffer.from((core.vault as unknown as { open: { vaultKey: Buffer } }).open.vaultKey)
  const keychainActivity = async () =>
    (await call(core, 'keyhold:activity.list', { kinds: ['keychain-on', 'keychain-off', 'keychain-unlocked'] })).map((item) => [item.kind, item.keyId])
  const revealed = async () => ((await call(core, 'keyhold:keys.reveal', { id: keyId, field: 'secret' })) as RevealResult).value

  it('is off until turned on, and turning it on needs the master password', async () => {
    expect(await call(core, 'keyhold:vault.keychainStatus')).toEqual({ available: true, reason: null, enabled: false })
    const wrong = await callError(core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: OTHER_STRONG_PASSWORD })
    expect(wrong).toMatchObject({ code: 'WRONG_PASSWORD', field: 'password' })
    expect(outside(vaultId).getSecret()).toBeNull()
    expect((await callError(core, 'keyhold:vault.setKeychainUnlock', { enabled: true })).code).toBe('INVALID_INPUT')
    await call(core, 'keyhold:vault.lock')
    expect(await callError(core, 'keyhold:vault.unlockWithKeychain')).toMatchObject({ code: 'KEYCHAIN_OFF' })
    expect((await call(core, 'keyhold:vault.status')).state).toBe('locked')
  })

  it('turned on, a locked vault opens from the keychain with every key, and no answer carries a key', async () => {
    const key = vaultKey()
    const enabled = await call(core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: STRONG_PASSWORD })
    expect(enabled).toEqual({ available: true, reason: null, enabled: true })
    // The keyring holds a key of Keyhold's own, not the vault key: it opens nothing by itself.
    const stored = Buffer.from(outside(vaultId).getSecret() ?? [])
    expect(stored).toHaveLength(32)
    expect(stored.equals(key)).toBe(false)
    // Private to the user, like every file Keyhold writes.
    expect(statSync(keychainFile(core.paths.vaultFile)).mode & 0o777).toBe(0o600)
    const sealed = readFileSync(keychainFile(core.paths.vaultFile), 'utf8')
    for (const form of ['hex', 'base64'] as const) {
      expect(sealed).not.toContain(key.toString(form))
      expect(sealed).not.toContain(stored.toString(form))
    }

    await call(core, 'keyhold:vault.lock')
    // The Unlock screen learns it from a locked vault.
    expect(await call(core, 'keyhold:vault.keychainStatus')).toEqual({ available: true, reason: null, enabled: true })
    const unlocked = await core.handlers['keyhold:vault.unlockWithKeychain'](undefined)
    expect(unlocked).toEqual({ ok: true, value: { state: 'unlocked' } })
    expect(await revealed()).toBe(secret)
    expect(vaultKey().equals(key)).toBe(true)
    for (const answer of [enabled, unlocked]) {
      const text = JSON.stringify(answer)
      for (const bytes of [key, stored]) for (const form of ['hex', 'base64'] as const) expect(text).not.toContain(bytes.toString(form))
    }

    // A new master password re-wraps the vault key only: the keychain still opens the vault.
    await call(core, 'keyhold:vault.changePassword', { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD })
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlockWithKeychain')
    expect(await revealed()).toBe(secret)
    expect(await keychainActivity()).toEqual([['keychain-unlocked', null], ['keychain-unlocked', null], ['keychain-on', null]])
  })

  it('turning it off deletes the keychain entry and the sealed key', async () => {
    await call(core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: STRONG_PASSWORD })
    expect(outside(vaultId).getSecret()).not.toBeNull()
    expect(await call(core, 'keyhold:vault.setKeychainUnlock', { enabled: false })).toEqual({ available: true, reason: null, enabled: false })
    expect(outside(vaultId).getSecret()).toBeNull()
    expect(existsSync(keychainFile(core.paths.vaultFile))).toBe(false)
    await call(core, 'keyhold:vault.lock')
    expect((await callError(core, 'keyhold:vault.unlockWithKeychain')).code).toBe('KEYCHAIN_OFF')
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await revealed()).toBe(secret)
    // The vault's timeline says when it was on, and since when it is off; a password unlock is not listed.
    expect(await keychainActivity()).toEqual([['keychain-off', null], ['keychain-on', null]])
  })

  it('an entry deleted outside Keyhold: the sentence, the password still unlocks, and it can be turned on again', async () => {
    await call(core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: STRONG_PASSWORD })
    await call(core, 'keyhold:vault.lock')
    expect(outside(vaultId).deleteCredential()).toBe(true)

    expect(await callError(core, 'keyhold:vault.unlockWithKeychain')).toEqual({ code: 'KEYCHAIN_ENTRY_LOST', message: LOST })
    expect((await call(core, 'keyhold:vault.status')).state).toBe('locked')
    // Reported once, then off: the Unlock screen stops offering it.
    expect(await call(core, 'keyhold:vault.keychainStatus')).toMatchObject({ enabled: false })

    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await revealed()).toBe(secret)
    await call(core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: STRONG_PASSWORD })
    await call(core, 'keyhold:vault.lock')
    await call(core, 'keyhold:vault.unlockWithKeychain')
    expect(await revealed()).toBe(secret)
  })

  it.each([
    ['another 32-byte key', (account: string) => outside(account).setSecret(new Uint8Array(32).fill(7))],
    ['a password typed in the keyring manager', (account: string) => outside(account).setPassword('hunter2')],
  ])('an entry changed outside Keyhold (%s) fails authentication: refused with the sentence, the password still unlocks', async (_, change) => {
    await call(core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: STRONG_PASSWORD })
    await call(core, 'keyhold:vault.lock')
    change(vaultId)

    expect(await callError(core, 'keyhold:vault.unlockWithKeychain')).toEqual({ code: 'KEYCHAIN_ENTRY_LOST', message: LOST })
    expect((await call(core, 'keyhold:vault.status')).state).toBe('locked')
    // The untrusted entry is not left behind for the next try.
    expect(outside(vaultId).getSecret()).toBeNull()
    await call(core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    expect(await revealed()).toBe(secret)
  })

  it('a sealed key copied beside another vault does not open it', async () => {
    await call(core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: STRONG_PASSWORD })
    const sealed = readFileSync(keychainFile(core.paths.vaultFile), 'utf8')
    const otherDir = tempDir()
    const other = testCore(otherDir.path, { clipboard: new MemoryClipboard(), keychain: createSystemKeychain() })
    try {
      await call(other, 'keyhold:vault.create', { password: STRONG_PASSWORD })
      await call(other, 'keyhold:vault.lock')
      writeFileSync(keychainFile(other.paths.vaultFile), sealed)
      expect((await callError(other, 'keyhold:vault.unlockWithKeychain')).code).toBe('KEYCHAIN_ENTRY_LOST')
      expect((await call(other, 'keyhold:vault.status')).state).toBe('locked')
    } finally {
      await other.shutdown()
      otherDir.remove()
    }
  })
})

describe('a keychain that fails for a while', () => {
  it('loses nothing: turning off changes nothing, unlock says so and forgets nothing, and both work once it answers', async () => {
    const dir = tempDir()
    const keychain = new MemoryKeychain()
    const core = testCore(dir.path, { clipboard: new MemoryClipboard(), keychain })
    try {
      await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
      await call(core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: STRONG_PASSWORD })
      const sealed = readFileSync(keychainFile(core.paths.vaultFile), 'utf8')
      keychain.failing = true
      expect((await callError(core, 'keyhold:vault.setKeychainUnlock', { enabled: false })).code).toBe('KEYCHAIN_UNAVAILABLE')
      expect(readFileSync(keychainFile(core.paths.vaultFile), 'utf8')).toBe(sealed)
      await call(core, 'keyhold:vault.lock')
      expect(await callError(core, 'keyhold:vault.unlockWithKeychain')).toEqual({ code: 'KEYCHAIN_UNAVAILABLE', message: ERROR_MESSAGES.KEYCHAIN_UNAVAILABLE })
      expect(readFileSync(keychainFile(core.paths.vaultFile), 'utf8')).toBe(sealed)
      expect(keychain.entries.size).toBe(1)
      keychain.failing = false
      await call(core, 'keyhold:vault.unlockWithKeychain')
      expect(await call(core, 'keyhold:vault.setKeychainUnlock', { enabled: false })).toMatchObject({ enabled: false })
      expect(keychain.entries.size).toBe(0)
      // Turning on while it fails leaves it off, with no sealed key behind.
      keychain.failing = true
      expect((await callError(core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: STRONG_PASSWORD })).code).toBe('KEYCHAIN_UNAVAILABLE')
      expect(existsSync(keychainFile(core.paths.vaultFile))).toBe(false)
    } finally {
      await core.shutdown()
      dir.remove()
    }
  })
})

describe('where no keychain can be used', () => {
  it('a core given no keychain says the option is unavailable and why', async () => {
    const dir = tempDir()
    const core = testCore(dir.path, { clipboard: new MemoryClipboard() })
    try {
      await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
      expect(await call(core, 'keyhold:vault.keychainStatus')).toEqual({ available: false, reason: NO_KEYCHAIN_REASON, enabled: false })
      expect(await callError(core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: STRONG_PASSWORD })).toEqual({ code: 'KEYCHAIN_UNAVAILABLE', message: NO_KEYCHAIN_REASON })
      expect(existsSync(keychainFile(core.paths.vaultFile))).toBe(false)
    } finally {
      await core.shutdown()
      dir.remove()
    }
  })

  it('with no Secret Service on the bus, the real adapter says it is unavailable and why, and nothing is saved', async () => {
    const nowhere = tempDir()
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../support/keychain-without-service.ts')], {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(nowhere.path, 'no-bus')}` },
      })
      const reason = unavailableReason('linux')
      expect(JSON.parse(stdout)).toEqual({
        available: { ok: false, reason },
        status: { ok: true, value: { available: false, reason, enabled: false } },
        enable: { ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: reason } },
        statusAfter: { ok: true, value: { available: false, reason, enabled: false } },
        unlock: { ok: false, error: { code: 'KEYCHAIN_OFF', message: ERROR_MESSAGES.KEYCHAIN_OFF } },
      })
    } finally {
      nowhere.remove()
    }
  })
})
