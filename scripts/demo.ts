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
import type { NewKeyInput } from '../electron/shared/dto'
import { buildRenderer, hasRendererBuild } from '../electron/web/renderer-build'
import { DEFAULT_RENDERER_DIR } from '../electron/web/project-paths'
import { startWebHost } from '../electron/web/server'
import { canOpenBrowser, openBrowser, writeLaunchFile } from '../electron/web/open-browser'
import { TOKEN_FRAGMENT_KEY } from '../electron/shared/web-protocol'
import { startSandboxes } from '../test/sandbox'

export const DEMO_PASSWORD = 'demo vault lantern orbit 2026'

async function call<C extends MethodChannel>(core: KeyholdCore, channel: C, input?: MethodInput<C>): Promise<MethodOutput<C>> {
  const result = await core.handlers[channel](input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as MethodOutput<C>
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

async function main(): Promise<void> {
  const sandboxes = await startSandboxes()
  const dataDir = mkdtempSync(join(tmpdir(), 'keyhold-demo-'))
  const core = createKeyholdCore({ dataDir, clipboard: createSystemClipboard() })
  await call(core, 'keyhold:vault.create', { password: DEMO_PASSWORD })
  await call(core, 'keyhold:settings.update', {
    providers: {
      threadeo: { baseUrl: `${sandboxes.threadeo.url}/t/{tenant}` },
      threatstop: { baseUrl: sandboxes.threatstop.url },
      spreeflo: { baseUrl: sandboxes.spreeflo.url },
    },
  })

  // What each sandbox knows, and the vault entry for it.
  const keys: NewKeyInput[] = []
  const add = (key: NewKeyInput) => keys.push(key)
  sandboxes.threadeo.addKey({ secret: 'demo-threadeo-token-live', apiKey: 'TD-DEMO-1', tenant: 'smithlegal' })
  add({ name: 'Threadeo – case intake (works)', account: 'office@smithlegal.example', tags: ['legal'], details: { provider: 'threadeo', tenant: 'smithlegal', apiKey: 'TD-DEMO-1' }, secret: 'demo-threadeo-token-live' })
  sandboxes.threadeo.addKey({ secret: 'demo-threadeo-token-old', apiKey: 'TD-DEMO-1', tenant: 'smithlegal', state: 'revoked' })
  add({ name: 'Threadeo – old token (revoked)', account: 'office@smithlegal.example', tags: ['legal', 'rotate'], details: { provider: 'threadeo', tenant: 'smithlegal', apiKey: 'TD-DEMO-1' }, secret: 'demo-threadeo-token-old' })
  add({ name: 'Threadeo – wrong subdomain', details: { provider: 'threadeo', tenant: 'no-such-firm', apiKey: 'TD-DEMO-1' }, secret: 'demo-threadeo-token-live' })
  sandboxes.threatstop.addKey({ secret: 'demo-threatstop-devices', services: ['devices'] })
  add({ name: 'ThreatSTOP – devices (works)', tags: ['security'], details: { provider: 'threatstop', service: 'devices' }, secret: 'demo-threatstop-devices' })
  sandboxes.threatstop.addKey({ secret: 'demo-threatstop-policies-only', services: ['policies'] })
  add({ name: 'ThreatSTOP – no access to Devices (limited)', tags: ['security'], details: { provider: 'threatstop', service: 'devices' }, secret: 'demo-threatstop-policies-only' })
  sandboxes.threatstop.addKey({ secret: 'demo-threatstop-office-net', wrongNetwork: true })
  add({ name: 'ThreatSTOP – office network only (blocked?)', details: { provider: 'threatstop', service: 'ip_lists' }, secret: 'demo-threatstop-office-net' })
  sandboxes.threatstop.addKey({ secret: 'demo-threatstop-expiring', services: ['logs'] })
  add({ name: 'ThreatSTOP – logs (expires in 5 days)', details: { provider: 'threatstop', service: 'logs' }, expiresOn: inDays(5), secret: 'demo-threatstop-expiring' })
  sandboxes.threatstop.addKey({ secret: 'demo-threatstop-expired', state: 'expired' })
  add({ name: 'ThreatSTOP – policies (expired)', details: { provider: 'threatstop', service: 'policies' }, secret: 'demo-threatstop-expired' })
  sandboxes.spreeflo.addKey({ secret: 'demo-spreeflo-newsletter' })
  add({ name: 'Spreeflo – newsletter sync (works)', tags: ['marketing'], details: { provider: 'spreeflo', keyName: 'newsletter-sync' }, secret: 'demo-spreeflo-newsletter' })
  sandboxes.spreeflo.addKey({ secret: 'demo-spreeflo-shop' })
  sandboxes.spreeflo.revoke('demo-spreeflo-shop')
  add({ name: 'Spreeflo – web shop (revoked)', tags: ['marketing'], details: { provider: 'spreeflo', keyName: 'web-shop' }, secret: 'demo-spreeflo-shop' })
  sandboxes.spreeflo.addKey({ secret: 'demo-spreeflo-basic-plan', plan: 'basic' })
  add({ name: 'Spreeflo – second account (plan without API)', details: { provider: 'spreeflo', keyName: 'crm' }, secret: 'demo-spreeflo-basic-plan' })
  sandboxes.custom.addKey({ secret: 'demo-custom-billing' })
  add({ name: 'Billing API (works)', details: { provider: 'custom', baseUrl: `${sandboxes.custom.url}/billing`, auth: { kind: 'header', headerName: 'X-API-Key' } }, secret: 'demo-custom-billing' })
  // Port 9 (discard) has nothing listening here: the check cannot tell.
  add({ name: 'Internal API (unreachable)', details: { provider: 'custom', baseUrl: 'http://127.0.0.1:9/api', auth: { kind: 'bearer' } }, secret: 'demo-custom-internal' })
  for (const key of keys) await call(core, 'keyhold:keys.add', key)
  await call(core, 'keyhold:vault.lock')

  if (!hasRendererBuild(DEFAULT_RENDERER_DIR)) {
    process.stdout.write('Building the Keyhold window (first run only)…\n')
    const built = buildRenderer()
    if (!built.ok) throw new Error(built.output)
  }
  const host = await startWebHost({ core, rendererDir: DEFAULT_RENDERER_DIR })
  const address = `${host.url}#${TOKEN_FRAGMENT_KEY}=${host.token}`
  process.stdout.write(
    [
      '',
      `Keyhold demo: a throwaway vault with ${keys.length} keys in every state, checked against local provider sandboxes.`,
      `  Address:  ${address}`,
      `  Password: ${DEMO_PASSWORD}`,
      'Open the address (it works once), unlock with the password, and press "Check all".',
      'Press Ctrl+C to stop; the demo vault is deleted.',
      `KEYHOLD_DEMO_READY ${JSON.stringify({ url: address, password: DEMO_PASSWORD, sandboxes: sandboxes.urls() })}`,
      '',
    ].join('\n'),
  )
  // The browser gets a private file's path, not the address: command lines are public.
  if (canOpenBrowser()) openBrowser(writeLaunchFile(join(dataDir, 'web-launch'), address).path)

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
