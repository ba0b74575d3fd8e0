import { setTimeout as sleep } from 'node:timers/promises'
import { createSystemClipboard } from '../../electron/platform/clipboard/system-clipboard'
import { createKeyholdCore } from '../../electron/core/keyhold-core'
import { PASSWORD } from './fixture'

// Run by run.ts in its own process, so the figure is the footprint of one unlocked core and nothing else.
const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: rss-child.ts <dataDir>')

const core = createKeyholdCore({ dataDir, clipboard: createSystemClipboard() })
await core.vault.unlock(PASSWORD)
core.vault.keys().list()
// The KDF worker is terminated without awaiting; give it time to go so we measure the steady state.
await sleep(250)
globalThis.gc?.()
process.stdout.write(`${process.memoryUsage().rss / (1024 * 1024)}\n`)
await core.shutdown()
