/**
 * A process that unlocks the vault in the data folder given as its argument, for tests that kill
 * it mid-way through an upgrade's backup: it says `ready` once its core is up and `unlocked`
 * when the unlock (its migrations and the backup before them) has answered.
 */
import { createKeyholdCore } from '../../electron/core/keyhold-core'
import { FAST_KDF, STRONG_PASSWORD } from './fixtures'
import { MemoryClipboard } from './memory-clipboard'

const [dataDir] = process.argv.slice(2)
if (!dataDir) throw new Error('usage: unlock-vault-child <data folder>')
const core = createKeyholdCore({ dataDir, kdfParams: FAST_KDF, clipboard: new MemoryClipboard() })
process.stdout.write('ready\n')
const result = await core.handlers['keyhold:vault.unlock']({ password: STRONG_PASSWORD })
process.stdout.write(result.ok ? 'unlocked\n' : `failed ${result.error.code}\n`)
await core.shutdown()
