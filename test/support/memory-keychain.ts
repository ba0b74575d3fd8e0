import type { KeychainAvailability, KeychainPort } from '../../electron/core/vault/keychain-port'

/**
 * A keychain in memory, for tests about something else that need keychain unlock to run (the
 * real one, over a real Secret Service, is tested in keychain-unlock.test.ts). `entries` is what
 * the keychain holds, so a test can look for those bytes where they must not be.
 */
export class MemoryKeychain implements KeychainPort {
  readonly entries = new Map<string, Buffer>()

  available(): Promise<KeychainAvailability> {
    return Promise.resolve({ ok: true })
  }
  store(account: string, secret: Buffer): Promise<void> {
    this.entries.set(account, Buffer.from(secret))
    return Promise.resolve()
  }
  read(account: string): Promise<Buffer | null> {
    const secret = this.entries.get(account)
    return Promise.resolve(secret ? Buffer.from(secret) : null)
  }
  remove(account: string): Promise<boolean> {
    return Promise.resolve(this.entries.delete(account))
  }
}
