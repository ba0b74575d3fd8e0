// `npm run demo`: the whole product with no provider account. Starts the provider sandboxes,
// makes a throwaway vault with keys in every state (works, revoked, limited, expiring, …),
// points the vault at the sandboxes, and serves it through the web host.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createKeyholdCore, type KeyholdCore } from '../electron/core/keyhold-core'
import { createSystemClipboard } from '../electron/platform/clipboard/system-clipboard'
import type { MethodChannel } from '../electron/shared/channels'
import type { MethodInput, MethodOutput } from '../electron/shared/contract'
import { buildRenderer, hasRendererBuild } from '../electron/web/renderer-build'
import { DEFAULT_RENDERER_DIR } from '../electron/web/project-paths'
import { startWebHost } from '../electron/web/server'
import { canOpenBrowser, openBrowser, writeLaunchFile } from '../electron/web/open-browser'
import { addressOf, newAddressLine, onEnter, sessionEndedLine } from '../electron/web/terminal'
import { startSandboxes } from '../test/sandbox'
import { seedDemo } from '../test/sandbox/demo-keys'

export const DEMO_PASSWORD = 'demo vault lantern orbit 2026'

async function call<C extends MethodChannel>(core: KeyholdCore, channel: C, input?: MethodInput<C>): Promise<MethodOutput<C>> {
  const result = await core.handlers[channel](input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as MethodOutput<C>
}

async function main(): Promise<void> {
  const sandboxes = await startSandboxes()
  const dataDir = mkdtempSync(join(tmpdir(), 'keyhold-demo-'))
  const core = createKeyholdCore({ dataDir, clipboard: createSystemClipboard() })
  await call(core, 'keyhold:vault.create', { password: DEMO_PASSWORD })
  // Each provider's sandbox holds the demo keys; the vault points at the sandboxes.
  const { settings, keys } = seedDemo(sandboxes)
  await call(core, 'keyhold:settings.update', { providers: settings })
  for (const key of keys) await call(core, 'keyhold:keys.add', key)
  await call(core, 'keyhold:vault.lock')

  if (!hasRendererBuild(DEFAULT_RENDERER_DIR)) {
    process.stdout.write('Building the Keyhold window (first run only)…\n')
    const built = buildRenderer()
    if (!built.ok) throw new Error(built.output)
  }
  const say = (line: string) => process.stdout.write(`${line}\n`)
  // The window's pages send the person back to this terminal for a new address, as for `npm run web`.
  const host = await startWebHost({
    core,
    rendererDir: DEFAULT_RENDERER_DIR,
    onSessionEnded: (reason, token) => say(sessionEndedLine(reason, addressOf(host, token))),
  })
  const address = addressOf(host, host.token)
  process.stdout.write(
    [
      '',
      `Keyhold demo: a throwaway vault with ${keys.length} keys in every state, checked against local provider sandboxes.`,
      `  Address:  ${address}`,
      `  Password: ${DEMO_PASSWORD}`,
      'Open the address (it works once), unlock with the password, and press "Check all".',
      'Press Enter here for a new address, or Ctrl+C to stop; the demo vault is deleted.',
      `KEYHOLD_DEMO_READY ${JSON.stringify({ url: address, password: DEMO_PASSWORD, sandboxes: sandboxes.urls() })}`,
      '',
    ].join('\n'),
  )
  // The browser gets a private file's path, not the address: command lines are public.
  const offer = (next: string) => {
    if (!canOpenBrowser()) return
    openBrowser(writeLaunchFile(join(dataDir, 'web-launch'), next).path, (command) =>
      say(`Keyhold could not open your browser with “${command}”, so open ${next} in it by hand.`),
    )
  }
  offer(address)
  onEnter(() => {
    const next = addressOf(host, host.renewToken())
    say(newAddressLine(next))
    offer(next)
  })

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await core.shutdown()
    await host.close()
    await sandboxes.close()
    rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop())
}

await main()
