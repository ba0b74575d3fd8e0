import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { KeyholdError } from '../../electron/core/errors'
import { resolveSecret, validateNewKey } from '../../electron/core/keys/validate-key'
import { builtInProviders } from '../../electron/shared/providers'
import { keyUpdateSchema } from '../../electron/shared/schemas/keys'
import { parseInput } from '../../electron/core/validation/parse'
import { withoutStrayWhitespace } from '../../electron/shared/validation/text-rules'
import { sampleKeys } from '../support/fixtures'

const base = sampleKeys('v')[2] as unknown as Record<string, unknown>
const parse = (over: Record<string, unknown>) => validateNewKey({ ...base, ...over }, builtInProviders)
const codeOf = (fn: () => unknown): { code: string; field: string | undefined; message: string } => {
  try {
    fn()
  } catch (err) {
    if (err instanceof KeyholdError) return { code: err.code, field: err.field, message: err.message }
    throw err
  }
  throw new Error('expected a KeyholdError')
}

describe('new key validation', () => {
  it('accepts a valid key of every provider and fills the optional fields', () => {
    for (const key of sampleKeys('ok')) {
      const parsed = validateNewKey(key, builtInProviders)
      expect(parsed.details).toEqual(key.details)
      expect(parsed.tags).toEqual(key.tags ?? [])
    }
  })

  it.each([
    ['an empty secret', { secret: '' }, 'SECRET_EMPTY'],
    ['a secret over 16 KiB', { secret: 'a'.repeat(16 * 1024 + 1) }, 'SECRET_TOO_LARGE'],
    ['a secret over 16 KiB in UTF-8 bytes', { secret: 'é'.repeat(8 * 1024 + 1) }, 'SECRET_TOO_LARGE'],
    ['a secret with a trailing newline', { secret: 'sk_live_abc\n' }, 'SECRET_WHITESPACE'],
    ['a secret with a leading space', { secret: ' sk_live_abc' }, 'SECRET_WHITESPACE'],
    ['a secret with a zero-width space', { secret: 'sk_live\u200b_abc' }, 'SECRET_WHITESPACE'],
    ['a secret with a byte-order mark', { secret: '\ufeffsk_live_abc' }, 'SECRET_WHITESPACE'],
    ['a secret with an inner control character', { secret: 'sk_\u0007live' }, 'SECRET_CONTROL_CHARS'],
    ['a name with a line break', { name: 'Billing\nkey' }, 'NAME_CONTROL_CHARS'],
    ['a name with a tab', { name: 'Billing\tkey' }, 'NAME_CONTROL_CHARS'],
    ['a name with a C1 control', { name: 'Billing\u0085key' }, 'NAME_CONTROL_CHARS'],
    ['a tag with a control character', { tags: ['a\u0000b'] }, 'NAME_CONTROL_CHARS'],
    ['an empty name', { name: '   ' }, 'INVALID_INPUT'],
    ['an oversized name', { name: 'n'.repeat(201) }, 'INVALID_INPUT'],
    ['an unknown provider', { details: { provider: 'acme' } }, 'INVALID_INPUT'],
    ['an unknown field', { colour: 'red' }, 'INVALID_INPUT'],
    ['an impossible expiry date', { expiresOn: '2026-02-30' }, 'INVALID_INPUT'],
  ])('refuses %s with %s', (_label, over, code) => {
    expect(codeOf(() => parse(over)).code).toBe(code)
  })

  it('names the field in the error so a form can show it there', () => {
    expect(codeOf(() => parse({ secret: ' x' })).field).toBe('secret')
    expect(codeOf(() => parse({ name: 'a\nb' })).field).toBe('name')
    const tenant = codeOf(() => parse({ details: { provider: 'threadeo', tenant: 'Not A Label', apiKey: 'k' } }))
    expect(tenant).toMatchObject({ code: 'INVALID_INPUT', field: 'details.tenant' })
    expect(tenant.message).toContain('Threadeo subdomain')
  })

  it('keeps a secret with whitespace byte-exact when the person asks to', () => {
    const parsed = parse({ secret: ' sk_live\u200b\n', keepSecretAsIs: true })
    expect(parsed.secret).toBe(' sk_live\u200b\n')
    expect(withoutStrayWhitespace(' sk_live\u200b\n')).toBe('sk_live')
  })

  it('removes the reported characters when the person asks to, and only then', () => {
    expect(parse({ secret: ' sk_live\u200b_abc\n', trimSecret: true }).secret).toBe('sk_live_abc')
    expect(codeOf(() => parse({ secret: ' sk_live_abc', trimSecret: false })).code).toBe('SECRET_WHITESPACE')
    expect(codeOf(() => parse({ secret: '  ', trimSecret: true })).code).toBe('SECRET_EMPTY')
    expect(codeOf(() => parse({ trimSecret: 'yes' })).code).toBe('INVALID_INPUT')
  })

  it('keeps markup, bidi and SQL-like names exactly as typed', () => {
    for (const name of ['<script>alert(1)</script>', "x'); DROP TABLE keys;--", 'invoice\u202Egpj.exe', '  padded  ']) {
      expect(parse({ name }).name).toBe(name)
    }
  })

  it.each([
    ['a tenant with a dot (another host)', { provider: 'threadeo', tenant: 'evil.com', apiKey: 'k' }],
    ['a tenant with an underscore', { provider: 'threadeo', tenant: 'ac_me', apiKey: 'k' }],
    ['a tenant ending in a hyphen', { provider: 'threadeo', tenant: 'acme-', apiKey: 'k' }],
    ['a Threadeo API key with spaces', { provider: 'threadeo', tenant: 'acme', apiKey: 'a b' }],
    ['an unknown ThreatSTOP service', { provider: 'threatstop', service: 'everything' }],
    ['a plain-HTTP base URL', { provider: 'custom', baseUrl: 'http://api.example.com', auth: { kind: 'bearer' } }],
    ['a base URL with credentials', { provider: 'custom', baseUrl: 'https://u:p@api.example.com', auth: { kind: 'bearer' } }],
    ['a base URL with a query', { provider: 'custom', baseUrl: 'https://api.example.com/?key=x', auth: { kind: 'bearer' } }],
    ['a Host header', { provider: 'custom', baseUrl: 'https://api.example.com', auth: { kind: 'header', headerName: 'Host' } }],
    ['a header name with a space', { provider: 'custom', baseUrl: 'https://api.example.com', auth: { kind: 'header', headerName: 'X Key' } }],
  ])('refuses %s', (_label, details) => {
    expect(codeOf(() => parse({ details })).code).toBe('INVALID_INPUT')
  })

  it('stores a tenant typed with capitals in lower case, as hosts are', () => {
    expect(parse({ details: { provider: 'threadeo', tenant: 'Acme', apiKey: 'k' } }).details).toEqual({ provider: 'threadeo', tenant: 'acme', apiKey: 'k' })
  })

  it('allows plain HTTP only to this machine (the provider sandboxes)', () => {
    const details = { provider: 'custom', baseUrl: 'http://127.0.0.1:8080/api', auth: { kind: 'bearer' } }
    expect(parse({ details }).details).toEqual(details)
  })

  it('never puts the rejected input into the error message', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), (junk) => {
        const secret = `CANARY-${junk}\u0001`
        const err = codeOf(() => parse({ secret, name: `${junk}\n` }))
        expect(err.message).not.toContain('CANARY-')
      }),
      { numRuns: 300 },
    )
  })
})

describe('key update validation', () => {
  const id = '6f1c7d0e-5a4b-4c3d-8e2f-1a2b3c4d5e6f'
  it('accepts a partial change and applies the same rules to what changes', () => {
    expect(parseInput(keyUpdateSchema, { id, changes: { name: 'Renamed' } }).changes).toEqual({ name: 'Renamed' })
    expect(codeOf(() => resolveSecret(parseInput(keyUpdateSchema, { id, changes: { secret: 'x ' } }).changes)).code).toBe('SECRET_WHITESPACE')
    expect(codeOf(() => parseInput(keyUpdateSchema, { id: 'not-a-uuid', changes: {} })).code).toBe('INVALID_INPUT')
  })
})
