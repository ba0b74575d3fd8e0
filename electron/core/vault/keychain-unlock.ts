import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { KeychainStatus } from '../../shared/dto'
import { KeyholdError } from '../errors'
import { AuthenticationError, open, seal } from './aead'
import type { KeychainAvailability, KeychainPort } from './keychain-port'

const FORMAT = 1
const VAULT_KEY_BYTES = 32

/** Said when the host gave core no keychain at all. */
export const NO_KEYCHAIN_REASON = 'This copy of Keyhold was started without access to the system keychain, so this option is not available.'

/** Said when the host's keychain threw instead of answering whether it is there. */
export const KEYCHAIN_SILENT_REASON = 'The system keychain did not answer, so this option is not available right now.'

/**
 * Beside the vault file: the vault key sealed under a random key that only the OS keychain holds.
 * The keychain entry alone opens nothing, this file alone opens nothing, and an entry changed
 * outside Keyhold fails authentication instead of being trusted. Readable without opening SQLite,
 * so a locked vault can say whether keychain unlock is on.
 */
export function keychainFile(vaultFile: string): string {
  return `${vaultFile}.keychain`
}

const savedSchema = z.strictObject({ format: z.literal(FORMAT), vaultId: z.string().min(1).max(200), wrappedKey: z.base64().min(1) })
type Saved = { readonly vaultId: string; readonly wrappedKey: Buffer }

/** The AAD binds the sealed key to its vault: a file copied beside another vault does not open. */
function aad(vaultId: string): string {
  return `keyhold|keychain|v${FORMAT}|${vaultId}`
}

/** Keychain unlock for one vault file: turn on, turn off, open; see DESIGN.md, "Vault". */
export class KeychainUnlock {
  constructor(
    private readonly port: KeychainPort | undefined,
    private readonly file: string,
  ) {}

  /** `openVaultId`: the unlocked vault's id, so a file left by another vault does not count as on. */
  async status(openVaultId?: string): Promise<KeychainStatus> {
    const saved = this.readSaved()
    const enabled = saved !== 'absent' && (openVaultId === undefined || saved === 'damaged' || saved.vaultId === openVaultId)
    const availability = await this.availability()
    return availability.ok ? { available: true, reason: null, enabled } : { available: false, reason: availability.reason, enabled }
  }

  async enable(vaultId: string, vaultKey: Buffer): Promise<void> {
    const port = await this.reachablePort()
    const keychainKey = randomBytes(VAULT_KEY_BYTES)
    try {
      const wrappedKey = seal(keychainKey, vaultKey, aad(vaultId))
      await viaKeychain(() => port.store(vaultId, keychainKey))
      try {
        writeFileDurably(this.file, JSON.stringify({ format: FORMAT, vaultId, wrappedKey: wrappedKey.toString('base64') }))
      } catch (err) {
        // Nothing half-on: the entry goes again when its other half could not be saved.
        await viaKeychain(() => port.remove(vaultId)).catch(() => false)
        throw new KeyholdError('STORAGE_FAILED', { cause: err })
      }
    } finally {
      keychainKey.fill(0)
    }
  }

  /** The keychain entry goes first: if the keychain cannot be reached, nothing changes. */
  async disable(vaultId: string): Promise<void> {
    const port = await this.reachablePort()
    await viaKeychain(() => port.remove(vaultId))
    this.removeSaved()
  }

  /** Refuses before the vault file is opened when keychain unlock is not on. */
  assertEnabled(): void {
    if (this.readSaved() === 'absent') throw new KeyholdError('KEYCHAIN_OFF')
  }

  /**
   * The vault key, from the keychain's key and the sealed file. An entry deleted or changed
   * outside Keyhold (or a damaged file) is reported once and forgotten, so the person turns the
   * option on again after a password unlock; the vault itself is untouched.
   */
  async open(vaultId: string): Promise<Buffer> {
    const saved = this.readSaved()
    if (saved === 'absent') throw new KeyholdError('KEYCHAIN_OFF')
    const port = await this.reachablePort()
    const keychainKey = await viaKeychain(() => port.read(vaultId))
    try {
      if (keychainKey === null || saved === 'damaged' || saved.vaultId !== vaultId) throw new AuthenticationError()
      const vaultKey = open(keychainKey, saved.wrappedKey, aad(vaultId))
      if (vaultKey.length !== VAULT_KEY_BYTES) throw new AuthenticationError()
      return vaultKey
    } catch (err) {
      if (!(err instanceof AuthenticationError)) throw err
      await viaKeychain(() => port.remove(vaultId)).catch(() => false)
      this.removeSaved()
      throw new KeyholdError('KEYCHAIN_ENTRY_LOST')
    } finally {
      keychainKey?.fill(0)
    }
  }

  private async reachablePort(): Promise<KeychainPort> {
    const availability = await this.availability()
    if (!availability.ok) throw new KeyholdError('KEYCHAIN_UNAVAILABLE', { message: availability.reason })
    return this.port as KeychainPort
  }

  /** An adapter that throws instead of answering counts as unreachable, with the plain sentence. */
  private async availability(): Promise<KeychainAvailability> {
    if (!this.port) return { ok: false, reason: NO_KEYCHAIN_REASON }
    try {
      return await this.port.available()
    } catch {
      return { ok: false, reason: KEYCHAIN_SILENT_REASON }
    }
  }

  private readSaved(): Saved | 'absent' | 'damaged' {
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch (err) {
      return isNotFound(err) ? 'absent' : 'damaged'
    }
    try {
      const parsed = savedSchema.parse(JSON.parse(text))
      return { vaultId: parsed.vaultId, wrappedKey: Buffer.from(parsed.wrappedKey, 'base64') }
    } catch {
      return 'damaged'
    }
  }

  private removeSaved(): void {
    try {
      rmSync(this.file, { force: true })
    } catch (err) {
      throw new KeyholdError('STORAGE_FAILED', { cause: err })
    }
  }
}

/** Whatever the adapter throws (or rejects with) becomes KEYCHAIN_UNAVAILABLE: its text is the library's, not a sentence. */
async function viaKeychain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw new KeyholdError('KEYCHAIN_UNAVAILABLE', { cause: err })
  }
}

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT'
}

/** Private to the user, and whole or not at all: a temporary file, synced, then renamed. */
function writeFileDurably(path: string, text: string): void {
  const temporary = `${path}.tmp-${randomBytes(6).toString('hex')}`
  const fd = openSync(temporary, 'wx', 0o600)
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } catch (err) {
    closeSync(fd)
    rmSync(temporary, { force: true })
    throw err
  }
  closeSync(fd)
  try {
    renameSync(temporary, path)
  } catch (err) {
    rmSync(temporary, { force: true })
    throw err
  }
  // The rename itself survives a power cut only once the folder is synced.
  const folder = openSync(dirname(path), 'r')
  try {
    fsyncSync(folder)
  } finally {
    closeSync(folder)
  }
}
