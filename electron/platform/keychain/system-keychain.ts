import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring'
import type { KeychainAvailability, KeychainPort } from '../../core/vault/keychain-port'

/** The keychain's service name: what a person sees beside each entry in Seahorse or Keychain Access. */
export const KEYCHAIN_SERVICE = 'Keyhold'

/** An account that is never written: reading it tells whether the keychain answers at all. */
const PROBE_ACCOUNT = 'keyhold-availability-probe'

/**
 * On Linux only the Secret Service counts: the library's default falls back to the kernel keyring,
 * which forgets everything at reboot and is open to any process of the same login session, so a
 * machine without GNOME Keyring or KWallet is told so instead of being given that.
 */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } }

export function unavailableReason(platform: NodeJS.Platform = process.platform): string {
  switch (platform) {
    case 'linux':
      return 'No system keychain is running on this computer (Keyhold needs the Secret Service that GNOME Keyring or KWallet provide), so this option is not available.'
    case 'darwin':
      return 'The macOS keychain could not be reached, so this option is not available.'
    case 'win32':
      return 'Windows Credential Manager could not be reached, so this option is not available.'
    default:
      return 'This computer has no system keychain Keyhold can use, so this option is not available.'
  }
}

/** The OS keychain through @napi-rs/keyring (macOS Keychain, Windows Credential Manager, Secret Service). */
export function createSystemKeychain(service: string = KEYCHAIN_SERVICE): KeychainPort {
  const entry = (account: string) => new AsyncEntry(service, account, ENTRY_OPTIONS)
  return {
    async available(): Promise<KeychainAvailability> {
      try {
        await entry(PROBE_ACCOUNT).getSecret()
        return { ok: true }
      } catch {
        // The library's message names D-Bus internals; the person gets the sentence instead.
        return { ok: false, reason: unavailableReason() }
      }
    },
    async store(account, secret) {
      await entry(account).setSecret(secret)
    },
    async read(account) {
      const bytes = await entry(account).getSecret()
      if (bytes === null) return null
      const secret = Buffer.from(bytes)
      // The library hands the secret over as a plain array; it is overwritten once copied.
      bytes.fill(0)
      return secret
    },
    async remove(account) {
      return entry(account).deleteCredential()
    },
  }
}
