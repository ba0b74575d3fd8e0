import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeyholdCore } from '../../electron/core/keyhold-core'
import { BUILT_IN_PLUGINS } from '../../electron/core/providers/registry'
import { ledgerlyPlugin } from '../providers/ledgerly'
import { startSandbox, type Sandbox } from '../sandbox'
import { ledgerly } from '../sandbox/providers/ledgerly'
import { call, callError, testCore } from '../support/core'
import { STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { MemoryClipboard } from '../support/memory-clipboard'

// A provider that exists only under test/ — a descriptor, a check and an emulator — registered by
// this test's composition root. Nothing in electron/ or renderer/ was edited for it.
describe('a provider added with no product file edited', () => {
  const dir = tempDir('keyhold-extra-provider-')
  let core: KeyholdCore
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox(ledgerly)
    core = testCore(join(dir.path, 'data'), { clipboard: new MemoryClipboard(), providers: [...BUILT_IN_PLUGINS, ledgerlyPlugin] })
    await call(core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    await call(core, 'keyhold:settings.update', { providers: { ledgerly: { baseUrl: sandbox.url } } })
  })
  afterAll(async () => {
    await core.shutdown()
    await sandbox.close()
    dir.remove()
  })

  it('is listed for the window beside the built-in providers, with its settings defaults', async () => {
    const ids = (await call(core, 'keyhold:providers.list')).map((d) => d.id)
    expect(ids).toEqual(['threadeo', 'threatstop', 'spreeflo', 'custom', 'ledgerly'])
    expect((await call(core, 'keyhold:settings.get')).providers['ledgerly']).toEqual({ baseUrl: sandbox.url })
  })

  it('is added, validated by its own fields, searched and checked against its own sandbox', async () => {
    sandbox.addKey({ secret: 'ledgerly-live-key-1', tenant: 'acme-books' })
    const added = await call(core, 'keyhold:keys.add', { name: 'Books sync', details: { provider: 'ledgerly', workspace: 'acme-books', region: 'us' }, secret: 'ledgerly-live-key-1' })
    expect(added.details).toEqual({ provider: 'ledgerly', workspace: 'acme-books', region: 'us' })
    expect((await call(core, 'keyhold:keys.search', { query: 'acme-books' })).ids).toEqual([added.id])

    const check = await call(core, 'keyhold:keys.check', { id: added.id })
    expect(check).toMatchObject({ outcome: 'valid', httpStatus: 200, sentence: 'Works in its Ledgerly workspace' })
    expect(sandbox.received.at(-1)).toMatchObject({ path: '/api/us/whoami' })

    const wrong = await call(core, 'keyhold:keys.add', { name: 'Old books key', details: { provider: 'ledgerly', workspace: 'acme-books', region: 'eu' }, secret: 'ledgerly-revoked' })
    expect(await call(core, 'keyhold:keys.check', { id: wrong.id })).toMatchObject({ outcome: 'invalid', httpStatus: 401 })
  })

  it('refuses details its descriptor does not allow, naming the field by its own label', async () => {
    expect(await callError(core, 'keyhold:keys.add', { name: 'x', details: { provider: 'ledgerly', workspace: 'a b', region: 'us' }, secret: 'k' })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'details.workspace',
      message: 'Ledgerly workspace has spaces or invisible characters.',
    })
    expect(await callError(core, 'keyhold:keys.add', { name: 'x', details: { provider: 'ledgerly', workspace: 'a', region: 'mars' }, secret: 'k' })).toMatchObject({
      field: 'details.region',
    })
  })

  it('is unknown to a core that does not register it', async () => {
    const plain = testCore(join(dir.path, 'plain'), { clipboard: new MemoryClipboard() })
    await call(plain, 'keyhold:vault.create', { password: STRONG_PASSWORD })
    expect(await callError(plain, 'keyhold:keys.add', { name: 'x', details: { provider: 'ledgerly', workspace: 'a', region: 'us' }, secret: 'k' })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'details.provider',
    })
    await plain.shutdown()
  })
})
