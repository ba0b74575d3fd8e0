/**
 * A process that creates a vault in the data folder given as its argument, for tests that kill
 * it mid-way: it says `ready` once its core is up (so the random kill falls inside the create
 * itself, not inside module loading) and `created` when the create has answered. With
 * `quick-kdf` the key derivation takes no time, so the moments fall on the file work.
 */
import { createKeyholdCore } from '../../electron/core/keyhold-core'
import { FAST_KDF, STRONG_PASSWORD } from './fixtures'
import { MemoryClipboard } from './memory-clipboard'
import { QUICK_KDF } from './quick-kdf'

const [dataDir, kdf] = process.argv.slice(2)
if (!dataDir) throw new Error('usage: create-vault-child <data folder> [quick-kdf]')
const core = createKeyholdCore({ dataDir, kdfParams: FAST_KDF, clipboard: new MemoryClipboard(), ...(kdf === 'quick-kdf' ? { kdf: QUICK_KDF } : {}) })
// The password check loads its dictionaries on first use: done before `ready`, so the kills fall on the create.
await core.handlers['keyhold:vault.assessPassword']({ password: STRONG_PASSWORD })
process.stdout.write('ready\n')
const result = await core.handlers['keyhold:vault.create']({ password: STRONG_PASSWORD, replaceUnfinished: true })
process.stdout.write(result.ok ? 'created\n' : `failed ${result.error.code}\n`)
await core.shutdown()
