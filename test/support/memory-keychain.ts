import type { KeychainAvailability, KeychainPort } from '../../electron/core/vault/keychain-port'

/**
 * A keychain in memory, for tests about something else that need keychain unlock to run (the
 * real one, over a real Secret Service, is tested in keychain-unlock.test.ts). `entries` is what
 * the keychain holds, so a test can look for those bytes where they must not be.
 */
export class MemoryKeychain implements KeychainPort {
  readonly entries = new Map<string, Buffer>()
  /** A keychain that says it is there but fails every read and write (a locked or stalled service). */
  failing = false

  available(): Promise<KeychainAvailability> {
    return Promise.resolve({ ok: true })
  }
  store(account: string, secret: Buffer): Promise<void> {
    this.fail()
    this.entries.set(account, Buffer.from(secret))
    return Promise.resolve()
  }
  read(account: string): Promise<Buffer | null> {
    this.fail()
    const secret = this.entries.get(account)
    return Promise.resolve(secret ? Buffer.from(secret) : null)
  }
  remove(account: string): Promise<boolean> {
    this.fail()
    return Promise.resolve(this.entries.delete(account))
  }
  private fail(): void {
    if (this.failing) throw new Error('Platform failure: the keychain did not answer')
  }
}
