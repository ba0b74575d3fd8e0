import { createSystemClipboard } from '../../electron/platform/clipboard/system-clipboard'
import { createFileLogger, diagnosticsDir } from '../../electron/core/diagnostics/file-logger'
import type { DiagnosticsLogger } from '../../electron/core/diagnostics/logger'
import { createKeyholdCore } from '../../electron/core/keyhold-core'
import { PASSWORD } from './fixture'

// Run by run.ts in its own process, bundled as the hosts are, so the figure is the footprint of
// one unlocked core and nothing else (no TypeScript compiler, no test runner).
const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: rss-child.mjs <dataDir>')

// The steady state is after core has given back what the unlock needed: it says so in its log.
const fileLog = createFileLogger({ dir: diagnosticsDir(dataDir) })
let released: () => void = () => undefined
const memoryReleased = new Promise<void>((resolve) => (released = resolve))
const logger: DiagnosticsLogger = {
  event: (name, fields) => {
    fileLog.event(name, fields)
    if (name === 'memory.released') released()
  },
  error: (channel, err) => fileLog.error(channel, err),
}

const core = createKeyholdCore({ dataDir, clipboard: createSystemClipboard(), logger })
await core.vault.unlock(PASSWORD)
core.vault.keys().list()
// Core's timer does not keep a process alive (a host's server does); this stands in for it.
const alive = setInterval(() => undefined, 60_000)
await memoryReleased
clearInterval(alive)
process.stdout.write(`${process.memoryUsage().rss / (1024 * 1024)}\n`)
await core.shutdown()
