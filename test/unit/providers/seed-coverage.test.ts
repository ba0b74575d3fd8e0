import { describe, expect, it } from 'vitest'
import { builtInProviders, type ProviderDescriptor } from '../../../electron/shared/providers'

/** Every word a person can be shown about a provider: fields, constraints, links and guide steps. */
function textOf(d: ProviderDescriptor): string {
  return JSON.stringify(d).replace(/\\"/g, '"').toLowerCase()
}

// Each instruction and warning of the provider documents (shared/seeds/), as a phrase that must
// reach the person somewhere: a guide step, a warning at that step, a constraint or a field hint.
const SEED_PHRASES: Readonly<Record<string, readonly string[]>> = {
  threadeo: [
    'contact your business team or email support@threadeo.com',
    'unauthorized usage of credentials',
    'nonrefundable charges',
    'api settings are unique to each individual threadeo user account',
    'other shared users being locked out',
    'the default is legal.threadeo.com',
    'custom subdomain',
    'api access has not yet been enabled for your user account',
    'you will see your api key',
    'generate secret token',
    'the only time that you’ll be able to access this token',
    'turn the toggle to “i understand”',
    'press “copy”',
    'a maximum of two tokens active at any time',
    'there is no limit to the number of times you can generate tokens',
    'only two will be stored and active',
    'click on the “delete” link on its right',
    'click “yes” to proceed with deletion',
    'read all warnings',
    'your api key is like a username',
    'your secret token is like a sensitive password',
  ],
  threatstop: [
    'log into your admin portal account',
    'api keys menu entry',
    'add api key',
    'use an existing key',
    'not tied to individual users',
    'any person in possession of an api key could potentially gain access',
    'grant access to individual services',
    'read permission only allows get requests',
    'post, patch, put and delete',
    'keys that have expired will be rejected',
    'restricted to one or multiple subnets',
    'comma-separated list',
    'leave empty if cors support isn’t needed',
    'each origin must include the protocol',
    'pre-flight request',
    'not to expose your key to untrusted users',
    'share key',
    'without sending it over email or chat',
    'sharing a key doesn’t alter the permissions',
    'remains valid only for the customer account in which it was created',
    'unsharing a key doesn’t invalidate the key',
    'delete key button',
    'authorization: bearer',
  ],
  spreeflo: [
    'professional plan',
    'settings > api keys',
    '+ add api key',
    'provide a name for your api key',
    'click create',
    'clipboard icon to copy your api key',
    'if an api key has been compromised',
    'no longer use the integration',
    'it can’t be reactivated',
    'update any integrations that use the original key',
    'trash icon next to the api key',
    'click confirm to revoke',
    'protect them the same way you would protect your password',
    'give each integration its own api key',
    'descriptive names',
    'without disabling access to your other integrations',
    'screenshots, videos, or help documents',
    'blurring your data isn’t always enough',
    'generate a new key and name it',
    'never email an api key',
    'ping api',
    'support@spreeflo.com',
  ],
}

describe('every instruction and warning of the provider documents lands in the product', () => {
  it.each(Object.entries(SEED_PHRASES))('%s', (id, phrases) => {
    const text = textOf(builtInProviders.require(id))
    expect(phrases.filter((p) => !text.includes(p))).toEqual([])
  })

  it('warns at the step where it matters', () => {
    const stepWarnings = (id: string, guide: 'generate' | 'rotate' | 'revoke' | 'share', step: string) =>
      (builtInProviders.require(id).guides[guide].find((s) => s.id === step)?.warnings ?? []).map((w) => w.title)
    expect(stepWarnings('threadeo', 'generate', 'generate')).toContain('The token is shown only once')
    expect(stepWarnings('threadeo', 'revoke', 'delete')).toContain('Avoid changing settings on shared accounts')
    expect(stepWarnings('threatstop', 'revoke', 'delete')).toContain('Unsharing does not invalidate a key')
    expect(stepWarnings('spreeflo', 'revoke', 'trash')).toContain('Revoking cannot be undone')
    expect(stepWarnings('spreeflo', 'share', 'dedicated')).toContain('Never email an API key')
  })

  it('gives every provider all four guides, each ending where Keyhold proves the result', () => {
    for (const d of builtInProviders.descriptors) {
      expect(d.guides.generate.some((s) => s.action === 'capture-secret'), d.id).toBe(true)
      expect(d.guides.generate.at(-1)?.action, d.id).toBe('name')
      expect(d.guides.rotate.at(-1)?.action, d.id).toBe('verify-revoked')
      expect(d.guides.revoke.at(-1)?.action, d.id).toBe('verify-revoked')
      expect(d.guides.revoke.some((s) => s.action === 'confirm-irreversible'), d.id).toBe(true)
      expect(d.guides.share.length, d.id).toBeGreaterThan(0)
      for (const step of Object.values(d.guides).flat()) {
        if (step.link) expect(d.links.map((l) => l.id), `${d.id}/${step.id}`).toContain(step.link)
      }
    }
  })
})
