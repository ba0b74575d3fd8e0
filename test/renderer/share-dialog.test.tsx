import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KeyDetail, NewKeyInput } from '../../electron/shared/dto'
import { BUILT_IN_PROVIDERS, type ProviderDescriptor } from '../../electron/shared/providers'
import { AddKeyDialog } from '../../renderer/src/components/KeyDialogs'
import { KeyDetailPanel } from '../../renderer/src/components/KeyDetailPanel'
import { KeyList } from '../../renderer/src/components/KeyList'
import { startSandboxes, type Sandboxes } from '../sandbox'
import { keyInputs, useSandboxes } from '../support/checks'
import { call } from '../support/core'
import { openWindow } from './support/render'

const provider = (id: string) => BUILT_IN_PROVIDERS.find((p) => p.id === id) as ProviderDescriptor
const threatstop = provider('threatstop')
const spreeflo = provider('spreeflo')

const inputs: Record<string, NewKeyInput> = {
  threatstop: { ...keyInputs.threatstop('ts-share-secret'), name: 'Firewall sync' },
  spreeflo: { ...keyInputs.spreeflo('sf-share-secret'), name: 'Shop' },
  threadeo: { ...keyInputs.threadeo('td-share-secret', 'acme', 'TD-SHARE'), name: 'Intake' },
  custom: { ...keyInputs.custom('cu-share-secret', 'https://api.example.test', { kind: 'bearer' }), name: 'Billing' },
}

let sandboxes: Sandboxes
beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(async () => {
  await sandboxes.close()
})

async function openShare(providerId: string, onSendFile?: (key: KeyDetail) => void) {
  const w = await openWindow()
  const key = await call(w.keyhold.core, 'keyhold:keys.add', inputs[providerId])
  await w.store.getState().loadKeys()
  await w.store.getState().select(key.id)
  w.render(
    <>
      <KeyDetailPanel {...(onSendFile ? { onSendFile } : {})} />
      <AddKeyDialog />
    </>,
  )
  const user = userEvent.setup()
  await user.click(await screen.findByRole('button', { name: 'Share…' }))
  const dialog = within(await screen.findByRole('dialog', { name: `Share “${key.name}”` }))
  const heading = (title: string) => waitFor(() => expect(dialog.getByRole('heading', { level: 2, name: title })).toBeTruthy())
  return { w, key, user, dialog, heading }
}

describe('the Share dialog, from the provider’s share guide', () => {
  it.each(['threatstop', 'spreeflo', 'threadeo', 'custom'])('%s: its share steps in order, the safer option first, each with its warnings, and last the encrypted file', async (id) => {
    const descriptor = provider(id)
    const onSendFile = vi.fn()
    const { key, user, dialog, heading } = await openShare(id, onSendFile)
    const steps = descriptor.guides.share
    expect(steps[0]?.action).toBe('suggest-dedicated-key')
    for (const [i, step] of steps.entries()) {
      await heading(step.title)
      for (const p of step.body) expect(dialog.getAllByText(p).length).toBeGreaterThan(0)
      for (const warning of step.warnings ?? []) expect(dialog.getByText(warning.title).closest('.warning')?.textContent).toContain(warning.text)
      if (step.action === 'suggest-dedicated-key') expect(dialog.getByRole('button', { name: 'Add a key for them…' })).toBeTruthy()
      if (step.action === 'record-share') expect(dialog.getByRole('button', { name: 'Record that I shared it' })).toBeTruthy()
      // The file is the last option offered, on the last step only.
      expect(dialog.queryByRole('button', { name: 'Send to another Keyhold…' }) !== null).toBe(i === steps.length - 1)
      if (i < steps.length - 1) await user.click(dialog.getByRole('button', { name: 'Next' }))
    }
    await user.click(dialog.getByRole('button', { name: 'Send to another Keyhold…' }))
    expect(onSendFile).toHaveBeenCalledWith(expect.objectContaining({ id: key.id }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('Spreeflo: warns never to email a key at both steps', async () => {
    const { user, dialog, heading } = await openShare('spreeflo', () => undefined)
    const [dedicated, file] = spreeflo.guides.share
    await heading(dedicated?.title as string)
    expect(dialog.getByText('Never email an API key')).toBeTruthy()
    await user.click(dialog.getByRole('button', { name: 'Next' }))
    await heading(file?.title as string)
    expect(dialog.getByText('Never email an API key')).toBeTruthy()
  })

  it('a key of their own: opens the add-key wizard on the same provider, named for the recipient, and saves it so', async () => {
    const { w, user, dialog } = await openShare('spreeflo')
    await user.type(dialog.getByLabelText('Who is it for?'), 'Ada Lovelace')
    await user.click(dialog.getByRole('button', { name: 'Add a key for Ada Lovelace…' }))
    const add = within(await screen.findByRole('dialog', { name: 'Add a key' }))
    expect(screen.queryByRole('dialog', { name: /^Share/ })).toBeNull()
    expect((add.getByRole('radio', { name: /^Spreeflo/ }) as HTMLInputElement).checked).toBe(true)
    await useSandboxes(w.keyhold.core, sandboxes)
    sandboxes.spreeflo.addKey({ secret: 'sf-for-ada' })
    const next = () => user.click(add.getByRole('button', { name: 'Next' }))
    const heading = (title: string) => waitFor(() => expect(add.getByRole('heading', { level: 2, name: title })).toBeTruthy())
    const [, , fields, capture, check, name] = spreeflo.guides.generate.map((s) => s.title)
    await next()
    await next()
    await next()
    await heading(fields as string)
    await user.type(add.getByLabelText('Key name in Spreeflo', { exact: true }), 'for-ada')
    await next()
    await heading(capture as string)
    await w.keyhold.clipboard.writeSecret('sf-for-ada')
    await user.click(add.getByRole('button', { name: 'Paste from clipboard' }))
    await waitFor(() => expect(add.getByText(/pasted/)).toBeTruthy())
    await next()
    await heading(check as string)
    await waitFor(() => expect(add.getAllByText('Works').length).toBeGreaterThan(0))
    await next()
    await heading(name as string)
    expect((add.getByLabelText('Name', { exact: true }) as HTMLInputElement).value).toBe('Shop for Ada Lovelace')
    await user.click(add.getByRole('button', { name: 'Save the key' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const names = (await call(w.keyhold.core, 'keyhold:keys.list')).map((e) => (e.damaged ? 'damaged' : `${e.provider} ${e.name}`))
    expect(names.sort()).toEqual(['spreeflo Shop', 'spreeflo Shop for Ada Lovelace'])
  })

  it('ThreatSTOP: records the share with whom, shows the document’s warnings at that moment, and the detail says who has it', async () => {
    const { w, key, user, dialog, heading } = await openShare('threatstop')
    const [, shareKey] = threatstop.guides.share
    await user.type(dialog.getByLabelText('Who is it for?'), 'Ada Lovelace')
    await user.click(dialog.getByRole('button', { name: 'Next' }))
    await heading(shareKey?.title as string)
    // The name typed for the dedicated key carries over.
    expect((dialog.getByLabelText('Shared with (in ThreatSTOP)') as HTMLInputElement).value).toBe('Ada Lovelace')
    await user.click(dialog.getByRole('button', { name: 'Record that I shared it' }))
    const recorded = within(await dialog.findByRole('status'))
    expect(recorded.getByText(/^Recorded: shared with Ada Lovelace on /)).toBeTruthy()
    const sharing = threatstop.constraints.providerSharing
    for (const text of [sharing?.text, sharing?.unsharingDoesNotInvalidate, threatstop.constraints.ownedBy]) expect(recorded.getByText(text as string)).toBeTruthy()
    const stored = await call(w.keyhold.core, 'keyhold:keys.get', { id: key.id })
    expect(stored.shares.map((s) => s.with)).toEqual(['Ada Lovelace'])
    await user.click(dialog.getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const shares = within(screen.getByRole('region', { name: 'Shares' }))
    expect(shares.getByText(/^Shared with Ada Lovelace on /)).toBeTruthy()
  })
})

describe('the detail panel’s shares', () => {
  it('says "was shared with" after an unshare, with the provider’s warning, until the key is revoked', async () => {
    const w = await openWindow()
    const key = await call(w.keyhold.core, 'keyhold:keys.add', inputs['threatstop'])
    const { share } = await call(w.keyhold.core, 'keyhold:keys.recordShare', { id: key.id, with: 'Grace Hopper' })
    await w.store.getState().loadKeys()
    await w.store.getState().select(key.id)
    const view = w.render(<KeyDetailPanel />)
    const shares = within(await screen.findByRole('region', { name: 'Shares' }))
    expect(shares.getByText(/^Shared with Grace Hopper on /)).toBeTruthy()
    await userEvent.setup().click(shares.getByRole('button', { name: 'Record that it is no longer shared with Grace Hopper' }))
    await waitFor(() => expect(shares.getByText('Was shared with Grace Hopper — unsharing does not invalidate the key; delete (revoke) it to cut access')).toBeTruthy())
    expect(shares.getByRole('alert').textContent).toContain(threatstop.constraints.providerSharing?.unsharingDoesNotInvalidate)
    expect(shares.queryByRole('button', { name: /no longer shared/ })).toBeNull()
    expect((await call(w.keyhold.core, 'keyhold:keys.get', { id: key.id })).shares).toEqual([{ ...share, unsharedAt: expect.any(Number) }])
    view.unmount()

    // Revoked: the history stays, but it is no longer a share, and nothing offers to share it.
    w.keyhold.core.vault.keys().markRevoked(key.id)
    await w.store.getState().loadKeys()
    await w.store.getState().select(key.id)
    w.render(<KeyDetailPanel />)
    const history = within(await screen.findByRole('region', { name: 'Shares' }))
    expect(history.getByText(/^Was shared with Grace Hopper \(from .+\); the key is revoked$/)).toBeTruthy()
    expect(history.queryByText(/unsharing does not invalidate/)).toBeNull()
    expect(screen.queryByRole('button', { name: 'Share…' })).toBeNull()
  })

  it('shows no shares section for a key never shared', async () => {
    const w = await openWindow()
    const key = await call(w.keyhold.core, 'keyhold:keys.add', inputs['threatstop'])
    await w.store.getState().loadKeys()
    await w.store.getState().select(key.id)
    w.render(<KeyDetailPanel />)
    await screen.findByRole('button', { name: 'Share…' })
    expect(screen.queryByRole('region', { name: 'Shares' })).toBeNull()
  })
})

describe('the key list', () => {
  // jsdom lays nothing out; the virtualized list renders the rows that fit a list this tall (as vault-window.test does).
  const restore: (() => void)[] = []
  beforeEach(() => {
    for (const [prop, size] of [['clientHeight', 800], ['clientWidth', 600]] as const) {
      const real = Object.getOwnPropertyDescriptor(Element.prototype, prop)
      Object.defineProperty(HTMLElement.prototype, prop, {
        configurable: true,
        get(this: HTMLElement) {
          return this.classList.contains('key-list-scroll') ? size : ((real?.get?.call(this) as number | undefined) ?? 0)
        },
      })
      restore.push(() => Reflect.deleteProperty(HTMLElement.prototype, prop))
    }
  })
  afterEach(() => {
    for (const undo of restore.splice(0)) undo()
  })

  it('marks the list row of a key someone else may hold: shared, then was shared', async () => {
    const w = await openWindow()
    const key = await call(w.keyhold.core, 'keyhold:keys.add', inputs['threatstop'])
    await call(w.keyhold.core, 'keyhold:keys.add', { ...inputs['threatstop'], name: 'Never shared' })
    const { share } = await call(w.keyhold.core, 'keyhold:keys.recordShare', { id: key.id, with: 'Grace Hopper' })
    await w.store.getState().loadKeys()
    const view = w.render(<KeyList />)
    const row = (name: string) => within(screen.getByRole('list', { name: 'Keys' })).getByRole('button', { name: new RegExp(`^${name}\\b`) })
    await waitFor(() => expect(row('Firewall sync').textContent).toContain('· shared'))
    expect(row('Never shared').textContent).not.toMatch(/shared$|· shared|· was shared/)
    view.unmount()
    await call(w.keyhold.core, 'keyhold:keys.recordUnshare', { id: key.id, shareId: share.shareId })
    await w.store.getState().loadKeys()
    w.render(<KeyList />)
    await waitFor(() => expect(row('Firewall sync').textContent).toContain('· was shared'))
  })
})
