// Run as a child process by keychain-unlock.test.ts, with DBUS_SESSION_BUS_ADDRESS pointing at a
// socket nobody listens on: a process keeps the first D-Bus connection it makes, so "no Secret
// Service" is only honest in a process that never had one. Prints one JSON line of answers.
import { createSystemKeychain } from '../../electron/platform/keychain/system-keychain'
import { testCore } from './core'
import { MemoryClipboard } from './memory-clipboard'
import { STRONG_PASSWORD, tempDir } from './fixtures'

const dir = tempDir()
const core = testCore(dir.path, { clipboard: new MemoryClipboard(), keychain: createSystemKeychain() })
try {
  await core.handlers['keyhold:vault.create']({ password: STRONG_PASSWORD })
  const answers = {
    available: await createSystemKeychain().available(),
    status: await core.handlers['keyhold:vault.keychainStatus'](undefined),
    enable: await core.handlers['keyhold:vault.setKeychainUnlock']({ enabled: true, password: STRONG_PASSWORD }),
    statusAfter: await core.handlers['keyhold:vault.keychainStatus'](undefined),
  }
  await core.handlers['keyhold:vault.lock'](undefined)
  process.stdout.write(`${JSON.stringify({ ...answers, unlock: await core.handlers['keyhold:vault.unlockWithKeychain'](undefined) })}\n`)
} finally {
  await core.shutdown()
  dir.remove()
}
