import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

export function remindersApi({ vault, reminders }: ApiDeps): Implementations<'keyhold:keys.expiry'> {
  return {
    'keyhold:keys.expiry': () => {
      vault.keys() // only an unlocked vault has a list to read
      return reminders.report()
    },
  }
}
