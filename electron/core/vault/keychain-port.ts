/** Whether the OS keychain can be used here; when not, one sentence a person can act on. */
export type KeychainAvailability = { readonly ok: true } | { readonly ok: false; readonly reason: string }

/**
 * The OS keychain, as core needs it: one secret per account under Keyhold's service name. The
 * hosts pass the real one (electron/platform/keychain); without one, keychain unlock is shown as
 * unavailable. Any method may throw when the keychain cannot be reached.
 */
export interface KeychainPort {
  available(): Promise<KeychainAvailability>
  store(account: string, secret: Buffer): Promise<void>
  /** The stored secret, or null when the keychain holds none for this account. */
  read(account: string): Promise<Buffer | null>
  /** True when an entry was deleted, false when there was none. */
  remove(account: string): Promise<boolean>
}
