import { describe, expect, it } from 'vitest'
import type { KeyDetail } from '../../../electron/shared/dto'
import { parseSharePayload, sharePayload } from '../../../electron/core/sharing/share-payload'

const key: KeyDetail = {
  id: '7c0a3c1e-2f4b-4d5e-8f60-1a2b3c4d5e6f',
  provider: 'spreeflo',
  name: 'Newsletter',
  account: 'ops@example.com',
  notes: 'only Dana knows: the old key is in the 2023 drawer',
  tags: ['mail'],
  expiresOn: '2027-01-31',
  hasSecret: true,
  createdAt: 1,
  updatedAt: 2,
  lastCheck: null,
  revokedAt: null,
  shares: [{ shareId: '0b0a3c1e-2f4b-4d5e-8f60-1a2b3c4d5e6f', with: 'Dana at the agency', sharedAt: 1 }],
  details: { provider: 'spreeflo', keyName: 'newsletter-sync' },
}
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))

describe('the share payload', () => {
  it('carries the key, its provider details and the secret — not its notes, id, history or dates', () => {
    const payload = sharePayload(key, 'sf-secret', 1_700_000_000_000)
    expect(payload).toEqual({
      format: 'keyhold-share',
      version: 1,
      sharedAt: 1_700_000_000_000,
      key: { name: 'Newsletter', account: 'ops@example.com', tags: ['mail'], expiresOn: '2027-01-31', details: { provider: 'spreeflo', keyName: 'newsletter-sync' }, secret: 'sf-secret' },
    })
    expect(parseSharePayload(bytes(payload))).toEqual(payload)
  })

  it('is untrusted once decrypted: strict, versioned, every field by the key’s own rules', () => {
    const good = sharePayload(key, 'sf-secret', 1)
    const bad: unknown[] = [
      { ...good, version: 2 },
      { ...good, format: 'keyhold-export' },
      { ...good, extra: true },
      { ...good, key: { ...good.key, notes: 'smuggled' } },
      { ...good, key: { ...good.key, id: key.id } },
      { ...good, key: { ...good.key, secret: '' } },
      { ...good, key: { ...good.key, secret: 'a\u0000b' } },
      { ...good, key: { ...good.key, name: 'bad\u0007name' } },
      { ...good, key: { ...good.key, expiresOn: '2027-02-30' } },
      { ...good, key: { ...good.key, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } },
      { ...good, key: { ...good.key, details: {} } },
      { ...good, sharedAt: -1 },
      [good],
      null,
    ]
    for (const value of bad) expect(parseSharePayload(bytes(value)), JSON.stringify(value)).toBeNull()
    expect(parseSharePayload(new TextEncoder().encode('{"format":'))).toBeNull()
    expect(parseSharePayload(Uint8Array.from([0xff, 0xfe, 0x00]))).toBeNull()
  })
})
