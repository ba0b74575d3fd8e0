import { assessPassword } from '../vault/password-policy'
import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

export function vaultApi({ vault }: ApiDeps): Implementations<
  'keyhold:vault.status' | 'keyhold:vault.assessPassword' | 'keyhold:vault.create' | 'keyhold:vault.unlock' | 'keyhold:vault.lock' | 'keyhold:vault.changePassword'
  | 'keyhold:vault.keychainStatus' | 'keyhold:vault.setKeychainUnlock' | 'keyhold:vault.unlockWithKeychain'
> {
  return {
    'keyhold:vault.status': () => vault.status(),
    'keyhold:vault.assessPassword': ({ password }) => assessPassword(password),
    'keyhold:vault.create': ({ password, replaceUnfinished }) => vault.create(password, { replaceUnfinished: replaceUnfinished === true }),
    'keyhold:vault.unlock': ({ password }) => vault.unlock(password),
    // The clipboard, captures and checks clear themselves on the vault's willLock.
    'keyhold:vault.lock': () => vault.lock('user'),
    'keyhold:vault.changePassword': ({ currentPassword, newPassword }) => vault.changePassword(currentPassword, newPassword),
    'keyhold:vault.keychainStatus': () => vault.keychainStatus(),
    'keyhold:vault.setKeychainUnlock': (input) => (input.enabled ? vault.setKeychainUnlock(true, input.password) : vault.setKeychainUnlock(false)),
    'keyhold:vault.unlockWithKeychain': () => vault.unlockWithKeychain(),
  }
}
