import { CoreProviders } from '../../../electron/core/providers/registry'
import { describe, expect, it } from 'vitest'
import type { Candidate } from '../../../electron/core/transfer/candidate'
import { recognise, shownName } from '../../../electron/core/transfer/recognise'
import { guessColumns, readCsv } from '../../../electron/core/transfer/sources/csv'
import { looksLikeEnv, readEnv } from '../../../electron/core/transfer/sources/env'

describe('a .env file', () => {
  it('reads values as dotenv does: export, quotes, escapes, multi-line, inline comments, CRLF', () => {
    const read = readEnv(
      [
        '# comment',
        'export A_KEY=plain # trailing comment',
        'B_TOKEN="double \\"quoted\\" # not a comment"',
        "C_SECRET='single # kept'",
        'D_PASSWORD="line one',
        'line two"',
        'E_API_KEY=with=equals\r',
        '   ',
      ].join('\n'),
    )
    expect(read.candidates.map((c) => [c.name, c.secret])).toEqual([
      ['A_KEY', 'plain'],
      ['B_TOKEN', 'double "quoted" # not a comment'],
      ['C_SECRET', 'single # kept'],
      ['D_PASSWORD', 'line one\nline two'],
      ['E_API_KEY', 'with=equals'],
    ])
  })

  it('is told from a CSV by its lines', () => {
    expect(looksLikeEnv('# x\nA=1\nexport B="2"\n')).toBe(true)
    expect(looksLikeEnv('name,key\nA,1\n')).toBe(false)
    expect(looksLikeEnv('\n\n')).toBe(false)
  })
})

describe('a CSV’s columns', () => {
  it('are guessed from header names, each column for one role at most', () => {
    expect(guessColumns(['Title', 'Username', 'Password', 'URL', 'Notes'])).toEqual({ name: 0, account: 1, secret: 2, url: 3, notes: 4 })
    expect(guessColumns(['name', 'api_key', 'login_uri'])).toEqual({ name: 0, secret: 1, url: 2 })
    // Bitwarden's CSV: login_password is the key, login_username the account.
    expect(guessColumns(['folder', 'favorite', 'type', 'name', 'notes', 'fields', 'reprompt', 'login_uri', 'login_username', 'login_password', 'login_totp'])).toMatchObject({ name: 3, notes: 4, url: 7, account: 8, secret: 9 })
    // KeePassXC's and LastPass's CSV exports.
    expect(guessColumns(['Group', 'Title', 'Username', 'Password', 'URL', 'Notes', 'TOTP', 'Icon', 'Last Modified', 'Created'])).toEqual({ name: 1, account: 2, secret: 3, url: 4, notes: 5 })
    expect(guessColumns(['url', 'username', 'password', 'totp', 'extra', 'name', 'grouping', 'fav'])).toEqual({ url: 0, account: 1, secret: 2, notes: 4, name: 5 })
    expect(guessColumns(['a', 'b'])).toEqual({})
  })

  it('with no key column chosen, skip every row with a sentence', () => {
    const read = readCsv('a,b\n1,2\n', undefined)
    expect(read.candidates).toEqual([])
    expect(read.skipped).toEqual([{ row: 1, name: 'Imported key 1', reason: 'No column is chosen as the key.' }])
  })
})

describe('recognising a provider', () => {
  const base: Candidate = { row: 1, name: 'A key', secret: 's3cret' }
  const details = (c: Partial<Candidate>) => {
    const r = recognise({ ...base, ...c }, new CoreProviders())
    return 'problem' in r ? r.problem : r.details
  }
  it('knows Threadeo by its tenant’s host, with the API key as the username', () => {
    expect(details({ url: 'https://acme.threadeo.com/settings', username: 'TD-1' })).toEqual({ provider: 'threadeo', tenant: 'acme', apiKey: 'TD-1' })
    // Without the API key it cannot be a Threadeo key: a Custom one at that address instead.
    expect(details({ url: 'https://acme.threadeo.com/settings' })).toMatchObject({ provider: 'custom', baseUrl: 'https://acme.threadeo.com/settings' })
  })
  it('knows ThreatSTOP and Spreeflo by their hosts, or by name when there is no address', () => {
    expect(details({ url: 'rest.threatstop.com/v4.0' })).toEqual({ provider: 'threatstop', service: 'devices' })
    expect(details({ url: 'https://threatstop.com.evil.example' })).toMatchObject({ provider: 'custom' })
    expect(details({ url: 'https://api.spreeflo.com/v1' })).toEqual({ provider: 'spreeflo', keyName: 'A key' })
    expect(details({ name: 'SPREEFLO_API_KEY' })).toEqual({ provider: 'spreeflo', keyName: 'SPREEFLO_API_KEY' })
  })
  it('never names a key after its secret (a column mapped twice, an entry titled with its password)', () => {
    const r = recognise({ ...base, name: 's3cret', url: 'https://api.example.com' }, new CoreProviders())
    expect('problem' in r ? r.problem : r.name).toBe('api.example.com')
    expect(shownName({ ...base, name: 'my s3cret' })).toBe('Imported key 1')
  })
  it('makes the rest Custom REST API keys at their address, without credentials, query or fragment', () => {
    expect(details({ url: 'https://user:pw@api.example.com/v2/?token=x#top' })).toEqual({ provider: 'custom', baseUrl: 'https://api.example.com/v2/', auth: { kind: 'bearer' } })
    expect(details({ url: 'https://api.example.com' })).toMatchObject({ baseUrl: 'https://api.example.com' })
    expect(details({ url: 'not an address' })).toMatch(/^It has no address/)
  })
})
