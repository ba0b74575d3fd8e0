// A test build of the web host: the same core, host and window, with a provider that exists only
// under test/ registered by this composition root, and that provider's sandbox running.
// Run as `node --import tsx test/e2e/support/extra-provider-host.ts <data dir>`; prints the
// web host's ready line (and the sandbox's address) like `npm run web` does.
import { createKeyholdCore } from '../../../electron/core/keyhold-core'
import { BUILT_IN_PLUGINS } from '../../../electron/core/providers/registry'
import { TOKEN_FRAGMENT_KEY } from '../../../electron/shared/web-protocol'
import { READY_PREFIX } from '../../../electron/web/cli-args'
import { DEFAULT_RENDERER_DIR } from '../../../electron/web/project-paths'
import { startWebHost } from '../../../electron/web/server'
import { ledgerlyPlugin } from '../../providers/ledgerly'
import { startSandbox } from '../../sandbox'
import { ledgerly } from '../../sandbox/providers/ledgerly'
import { MemoryClipboard } from '../../support/memory-clipboard'

async function main(): Promise<void> {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: extra-provider-host.ts <data dir>')
  const sandbox = await startSandbox(ledgerly)
  sandbox.addKey({ secret: 'ledgerly-e2e-key', tenant: 'acme-books' })
  const core = createKeyholdCore({ dataDir, clipboard: new MemoryClipboard(), providers: [...BUILT_IN_PLUGINS, ledgerlyPlugin] })
  const host = await startWebHost({ core, rendererDir: DEFAULT_RENDERER_DIR, port: 0 })
  const stop = () => void core.shutdown().then(() => host.close()).then(() => sandbox.close()).then(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  process.stdout.write(`${READY_PREFIX}${JSON.stringify({ url: `${host.url}#${TOKEN_FRAGMENT_KEY}=${host.token}`, port: host.port, sandbox: sandbox.url })}\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
