import { builtInProviders } from '../../electron/shared/providers'
import { describe, expect, it } from 'vitest'
import { indexKey, KeyIndex } from '../../electron/core/keys/key-index'
import type { KeyMeta } from '../../electron/core/keys/record-codec'
import type { KeySummary } from '../../electron/shared/dto'

function entry(id: string, name: string, extra: Partial<KeyMeta> = {}) {
  const meta: KeyMeta = {
    name,
    account: '',
    notes: '',
    tags: [],
    expiresOn: null,
    details: { provider: 'spreeflo', keyName: 'sync' },
    ...extra,
  }
  const summary: KeySummary = {
    id,
    provider: meta.details.provider,
    name,
    account: meta.account,
    tags: meta.tags,
    expiresOn: null,
    hasSecret: true,
    createdAt: 0,
    updatedAt: 0,
    lastCheck: null,
    revokedAt: null,
  }
  return indexKey(summary, meta, 'tag', builtInProviders)
}

describe('key index', () => {
  const index = new KeyIndex()
  index.put(entry('b', 'zeta billing'))
  index.put(entry('a', 'Alpha CRM', { tags: ['Marketing'] }))
  index.put(entry('c', 'ÉCOLE portal', { account: 'office@example.com' }))
  index.markDamaged('d')

  it('lists by name, with damaged records last so none disappears', () => {
    expect(index.list().map((e) => e.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(index.list().at(-1)).toEqual({ id: 'd', damaged: true })
  })

  it('searches name, account, tags and provider, ignoring case', () => {
    const ids = (q: string) => index.search(q).map((e) => e.id)
    expect(ids('BILL')).toEqual(['b'])
    expect(ids('marketing')).toEqual(['a'])
    expect(ids('office@')).toEqual(['c'])
    expect(ids('école')).toEqual(['c'])
    expect(ids('spreeflo')).toEqual(['a', 'b', 'c'])
    expect(ids('  ')).toEqual(['a', 'b', 'c', 'd'])
    expect(ids('nothing-like-this')).toEqual([])
  })

  it('reflects changes at once', () => {
    index.put(entry('b', 'aardvark'))
    expect(index.list()[0]?.id).toBe('b')
    index.remove('b')
    expect(index.search('aardvark')).toEqual([])
  })
})
