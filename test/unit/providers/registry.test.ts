import { describe, expect, it } from 'vitest'
import { builtInProviders, ProviderRegistry, type ProviderDescriptor } from '../../../electron/shared/providers'
import { isCidr, originProblem, ruleSchema } from '../../../electron/shared/validation/field-schemas'

const parse = (details: unknown) => builtInProviders.detailsSchema.safeParse(details)
const paths = (details: unknown) => {
  const r = parse(details)
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'))
}

describe('the provider registry', () => {
  it('checks each provider’s details by its own fields, naming the field of each problem', () => {
    expect(parse({ provider: 'threadeo', tenant: 'acme', apiKey: 'TD-1' }).success).toBe(true)
    expect(paths({ provider: 'threadeo', tenant: 'Not A Label', apiKey: '' })).toEqual(['tenant', 'apiKey'])
    expect(paths({ provider: 'threatstop', service: 'everything' })).toEqual(['service'])
    expect(paths({ provider: 'nobody' })).toEqual(['provider'])
    expect(paths({ provider: 'spreeflo', keyName: 'shop', extra: 'x' })).toEqual([''])
    expect(paths('threadeo')).toEqual(['provider'])
  })

  it('applies a field only when its condition holds, and drops it otherwise', () => {
    const header = { provider: 'custom', baseUrl: 'https://api.example.com', auth: { kind: 'header' } }
    expect(paths(header)).toEqual(['auth.headerName'])
    const bearer = parse({ provider: 'custom', baseUrl: 'https://api.example.com', auth: { kind: 'bearer', headerName: 'X-Key' } })
    expect(bearer.success && bearer.data).toEqual({ provider: 'custom', baseUrl: 'https://api.example.com', auth: { kind: 'bearer' } })
    expect(paths({ provider: 'custom', baseUrl: 'https://api.example.com', auth: { kind: 'header', headerName: 'Cookie' } })).toEqual(['auth.headerName'])
    expect(paths({ provider: 'custom', baseUrl: 'http://api.example.com', auth: { kind: 'bearer' } })).toEqual(['baseUrl'])
  })

  it('opens only each provider’s own portal hosts, over HTTPS on the default port', () => {
    expect(builtInProviders.isPortalUrl('https://acme.threadeo.com/settings')).toBe(true)
    expect(builtInProviders.isPortalUrl('https://admin.threatstop.com/')).toBe(true)
    for (const url of [
      'http://acme.threadeo.com/',
      'https://acme.threadeo.com:8443/',
      'https://user:pw@acme.threadeo.com/',
      'https://a.b.threadeo.com/',
      'https://threadeo.com.evil.example/',
      'https://evil.example/?u=admin.threatstop.com',
      'not a url',
    ]) {
      expect(builtInProviders.isPortalUrl(url), url).toBe(false)
    }
  })

  it('reads settings stored flat before they were nested per provider', () => {
    expect(builtInProviders.fromLegacySettings({ threadeoBaseUrl: 'https://{tenant}.example.test', spreefloAuth: 'basic', unknown: 'x' })).toEqual({
      threadeo: { baseUrl: 'https://{tenant}.example.test' },
      spreeflo: { auth: 'basic' },
    })
    const defaults = builtInProviders.defaultSettings()
    expect(defaults['threadeo']).toEqual({ baseUrl: 'https://{tenant}.threadeo.com', checkPath: '/api/v1/me' })
    expect(builtInProviders.settingsPatchSchema.safeParse({ threadeo: { baseUrl: 'https://threadeo.com' } }).success).toBe(false)
    expect(builtInProviders.settingsPatchSchema.safeParse({ threadeo: { baseUrl: 'https://{tenant}.example.test' } }).success).toBe(true)
    expect(builtInProviders.settingsPatchSchema.safeParse({ nobody: {} }).success).toBe(false)
  })

  it('refuses a registry with a duplicate id, a bad id, or a link off its portal hosts', () => {
    const base = builtInProviders.require('spreeflo')
    expect(() => new ProviderRegistry([base, base])).toThrow(/twice/)
    expect(() => new ProviderRegistry([{ ...base, id: 'Bad Id' }])).toThrow(/lower-case/)
    const offHost: ProviderDescriptor = { ...base, id: 'elsewhere', links: [{ id: 'x', label: 'x', url: 'https://evil.example/' }] }
    expect(() => new ProviderRegistry([offHost])).toThrow(/portal hosts/)
  })
})

describe('field rules for the lifecycle forms', () => {
  it('takes subnets in CIDR, IPv4 and IPv6, and refuses the rest', () => {
    for (const ok of ['10.0.0.0/8', '203.0.113.7/32', '2001:db8::/32', '::1/128']) expect(isCidr(ok), ok).toBe(true)
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '256.0.0.0/8', '2001:db8::/129', 'example.com/24', '10.0.0.0/8/1']) expect(isCidr(bad), bad).toBe(false)
    expect(ruleSchema({ kind: 'cidrList' }).safeParse('10.0.0.0/8, 2001:db8::/32').success).toBe(true)
    expect(ruleSchema({ kind: 'cidrList' }).safeParse('10.0.0.0/8, nope').success).toBe(false)
  })

  it('takes CORS origins only with their protocol, saying why each one is refused', () => {
    expect(originProblem('https://www.example.com')).toBeNull()
    expect(originProblem('www.example.com')).toContain('needs its protocol')
    expect(originProblem('htttps://www.example.com')).toContain('https:// or http://')
    expect(originProblem('https://www.example.com/path')).toContain('origin only')
    expect(ruleSchema({ kind: 'originList' }).safeParse('').success).toBe(true)
    expect(ruleSchema({ kind: 'originList' }).safeParse('https://a.example, b.example').success).toBe(false)
  })
})

describe('a pasted Threadeo address is understood as its subdomain', () => {
  const tenant = (value: string) => {
    const r = builtInProviders.detailsSchema.safeParse({ provider: 'threadeo', tenant: value, apiKey: 'TD-1' })
    return r.success ? r.data['tenant'] : null
  }
  it.each([
    ['acme', 'acme'],
    ['  Acme ', 'acme'],
    ['https://acme.threadeo.com/settings/api', 'acme'],
    ['acme.threadeo.com', 'acme'],
    ['HTTPS://Legal.Threadeo.com', 'legal'],
  ])('%j → %j', (typed, expected) => expect(tenant(typed)).toBe(expected))

  it.each(['https://evil.example/?u=acme.threadeo.com', 'https://a.b.threadeo.com/', 'https://threadeo.com.evil.example/', 'acme corp', 'https://acme.threadeo.co/'])(
    'refuses %j',
    (typed) => expect(tenant(typed)).toBeNull(),
  )
})
