import type { NewKeyInput } from '../../electron/shared/dto'
import type { Sandboxes } from './index'

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

/**
 * The demo's keys in every state (works, revoked, limited, blocked, expiring, expired,
 * misconfigured, unreachable): each sandbox is told what it knows, and the vault entry for it is
 * returned with the settings that point the vault at the sandboxes.
 */
export function seedDemo(sandboxes: Sandboxes): { settings: Record<string, Record<string, string>>; keys: NewKeyInput[] } {
  const settings = {
    threadeo: { baseUrl: `${sandboxes.threadeo.url}/t/{tenant}` },
    threatstop: { baseUrl: sandboxes.threatstop.url },
    spreeflo: { baseUrl: sandboxes.spreeflo.url },
  }

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
  return { settings, keys }
}
