/*
 * A host that makes one unlock attempt and then waits to be killed: a child process for the
 * kill -9 tests of the password throttle. Each pause the throttle starts is announced on stdout
 * (`pausing <ms>`) before it runs, so the test can kill it mid-pause, and the answer too.
 * Usage: node --import tsx test/support/guess-once.ts <dataDir> <password>
 */
import { createKeyholdCore } from '../../electron/core/keyhold-core'
import { FAST_KDF } from './fixtures'
import { MemoryClipboard } from './memory-clipboard'

const [dataDir, password] = process.argv.slice(2)
if (!dataDir || password === undefined) throw new Error('usage: guess-once <dataDir> <password>')
const core = createKeyholdCore({
  dataDir,
  kdfParams: FAST_KDF,
  clipboard: new MemoryClipboard(),
  sleep: (ms) => {
    process.stdout.write(`pausing ${ms}\n`)
    return new Promise((resolve) => setTimeout(resolve, ms))
  },
})
const result = await core.handlers['keyhold:vault.unlock']({ password })
process.stdout.write(`answered ${JSON.stringify(result)}\n`)
// Stays up, as a host would, until the test kills it.
setInterval(() => undefined, 60_000)
