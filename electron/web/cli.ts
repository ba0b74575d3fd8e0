// `npm run web`: the whole product on 127.0.0.1, for machines without Electron.
// Run as `node --import tsx electron/web/cli.ts [--data-dir DIR] [--port N] [--no-open] [--renderer-dir DIR]`.
import { join, resolve } from 'node:path'
import { createFileLogger, diagnosticsDir } from '../core/diagnostics/file-logger'
import { createKeyholdCore, type KeyholdCore } from '../core/keyhold-core'
import { resolveDataDir } from '../core/paths'
import { createSystemClipboard } from '../platform/clipboard/system-clipboard'
import { createSystemKeychain } from '../platform/keychain/system-keychain'
import { parseCliArgs, READY_PREFIX, UsageError, USAGE, type CliOptions } from './cli-args'
import { canOpenBrowser, openBrowser, writeLaunchFile, type LaunchFile } from './open-browser'
import { DEFAULT_RENDERER_DIR } from './project-paths'
import { buildRenderer, hasRendererBuild } from './renderer-build'
import { startWebHost, type WebHost } from './server'
import type { SessionEnd } from './sessions'
import { addressOf, newAddressLine, onEnter, sessionEndedLine } from './terminal'

const say = (line: string) => process.stdout.write(`${line}\n`)
const fail = (line: string, code = 1): never => {
  process.stderr.write(`${line}\n`)
  process.exit(code)
}

function readOptions(): CliOptions {
  try {
    return parseCliArgs(process.argv.slice(2))
  } catch (err) {
    if (err instanceof UsageError) return fail(`${err.message}\n${USAGE}`, 2)
    throw err
  }
}

function ensureRenderer(options: CliOptions): string {
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR)
  if (hasRendererBuild(rendererDir)) return rendererDir
  // A folder named on the command line is used as given: building would write somewhere else.
  if (options.rendererDir !== undefined) return fail(`There is no index.html in ${rendererDir}.`)
  say('Building the Keyhold window (first run only; this takes a few seconds)…')
  const built = buildRenderer()
  if (!built.ok) {
    process.stderr.write(built.output)
    return fail('The Keyhold window could not be built; the output above says why.')
  }
  return rendererDir
}

async function startHost(core: KeyholdCore, rendererDir: string, port: number): Promise<WebHost> {
  let started: WebHost | undefined
  // The person's own terminal is the one place a new address may be shown.
  const onSessionEnded = (reason: SessionEnd, token: string) => {
    if (started) say(sessionEndedLine(reason, addressOf(started, token)))
  }
  try {
    started = await startWebHost({ core, rendererDir, port, onSessionEnded })
    return started
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      return fail(`Port ${port} is already in use. Choose another with --port, or --port 0 for any free port.`)
    }
    throw err
  }
}

/** Locks the vault (wiping its key) before the host goes, so quitting never leaves it open. */
function stopOnSignals(core: KeyholdCore, host: WebHost, launchFile: () => LaunchFile | undefined): void {
  let stoppingSince: number | undefined
  const stop = () => {
    // Ctrl+C under npm arrives twice at once (from the terminal and forwarded by npm): only a
    // second signal a moment later means the person wants out now; the process exit wipes memory.
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince > 1000) process.exit(1)
      return
    }
    stoppingSince = Date.now()
    launchFile()?.remove()
    core
      .shutdown()
      .then(() => host.close())
      .then(
        () => process.exit(0),
        () => fail('Keyhold could not stop cleanly.'),
      )
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop)
}

async function main(): Promise<void> {
  const options = readOptions()
  const rendererDir = ensureRenderer(options)
  // The web host's adapters: the clipboard of the machine it runs on, and the diagnostics log
  // in the same data folder the desktop app writes to.
  const dataDir = resolveDataDir(options.dataDir)
  const core = createKeyholdCore({ dataDir, logger: createFileLogger({ dir: diagnosticsDir(dataDir) }), clipboard: createSystemClipboard(), keychain: createSystemKeychain() })
  const host = await startHost(core, rendererDir, options.port)
  const browser = options.open && canOpenBrowser()
  let launchFile: LaunchFile | undefined
  // The browser is opened on a private file holding the address, never on the address itself:
  // a command line is readable by every local user, who could spend the token first.
  const offer = (address: string) => {
    if (!browser) return
    launchFile = writeLaunchFile(join(core.paths.dataDir, 'web-launch'), address)
    openBrowser(launchFile.path, (command) => say(`Keyhold could not open your browser with “${command}”, so open ${address} in it by hand.`))
  }
  stopOnSignals(core, host, () => launchFile)
  const launchUrl = addressOf(host, host.token)
  say(`Vault folder: ${core.paths.dataDir}`)
  say(`Keyhold is running at ${launchUrl}`)
  say('Open that address in your browser (it works once). Press Enter here for a new address, or Ctrl+C to stop and lock the vault.')
  offer(launchUrl)
  say(`${READY_PREFIX}${JSON.stringify({ url: launchUrl, port: host.port })}`)
  onEnter(() => {
    const address = addressOf(host, host.renewToken())
    say(newAddressLine(address))
    offer(address)
  })
}

main().catch((err: unknown) => fail(`Keyhold could not start: ${err instanceof Error ? err.message : String(err)}`))
