import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDERS } from '../../electron/shared/providers'
import { KeyDetailPanel } from '../../renderer/src/components/KeyDetailPanel'
import { REVOKED } from '../../renderer/src/list-views'
import { selectVisibleEntries } from '../../renderer/src/store/selectors'
import { startSandboxes, type Sandboxes } from '../sandbox'
import { useSandboxes } from '../support/checks'
import { call } from '../support/core'
import { openWindow } from './support/render'

const spreeflo = BUILT_IN_PROVIDERS[2] as (typeof BUILT_IN_PROVIDERS)[number]

describe('the revoke dialog, rendered from the key’s descriptor', () => {
  it('walks the provider’s revoke steps, holds at the irreversible step until ticked, and says when it could not tell', async () => {
    const w = await openWindow()
    // Nothing listens here: the verify check cannot reach the provider, so the verdict is "could not tell".
    await call(w.keyhold.core, 'keyhold:settings.update', { providers: { [spreeflo.id]: { baseUrl: 'http://127.0.0.1:9/v1' } } })
    const key = await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Shop', details: { provider: spreeflo.id, keyName: 'shop' }, secret: 'sf-secret' })
    await w.store.getState().loadKeys()
    await w.store.getState().select(key.id)
    w.render(<KeyDetailPanel />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Revoke…' }))
    const dialog = await screen.findByRole('dialog')
    const steps = spreeflo.guides.revoke
    for (const [i, step] of steps.entries()) {
      await waitFor(() => expect(within(dialog).getByRole('heading', { level: 2, name: step.title })).toBeTruthy())
      for (const p of step.body) expect(within(dialog).getAllByText(p).length).toBeGreaterThan(0)
      for (const warning of step.warnings ?? []) expect(within(dialog).getByText(warning.title)).toBeTruthy()
      const link = spreeflo.links.find((l) => l.id === step.link)
      if (link) {
        const a = within(dialog).getByRole('link', { name: link.label })
        expect(a.getAttribute('rel')).toBe('noopener noreferrer')
        expect(a.getAttribute('target')).toBe('_blank')
      }
      if (step.action === 'confirm-irreversible') {
        // Next does nothing until the person ticks that this cannot be undone.
        await user.click(within(dialog).getByRole('button', { name: 'Next' }))
        expect(within(dialog).getByRole('heading', { level: 2, name: step.title })).toBeTruthy()
        await user.click(within(dialog).getByRole('checkbox', { name: 'I understand this cannot be undone' }))
      }
      if (i < steps.length - 1) await user.click(within(dialog).getByRole('button', { name: 'Next' }))
    }
    await user.click(within(dialog).getByRole('button', { name: 'Check that the key is revoked' }))
    await within(dialog).findByRole('button', { name: 'Check again' })
    expect(within(dialog).getByText(/^Keyhold could not tell whether the key is revoked/)).toBeTruthy()
    // Nothing was wiped.
    expect(w.keyhold.core.vault.keys().readSecret(key.id)).toBe('sf-secret')
  })

  it('says loudly when the key still works, wipes nothing, and checks again in place once it is revoked at the provider', async () => {
    const sandboxes: Sandboxes = await startSandboxes()
    try {
      const w = await openWindow()
      await useSandboxes(w.keyhold.core, sandboxes)
      sandboxes.spreeflo.addKey({ secret: 'sf-still-works' })
      const key = await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Shop', details: { provider: spreeflo.id, keyName: 'shop' }, secret: 'sf-still-works' })
      await w.store.getState().loadKeys()
      await w.store.getState().select(key.id)
      w.render(<KeyDetailPanel />)
      const user = userEvent.setup()
      await user.click(await screen.findByRole('button', { name: 'Revoke…' }))
      const dialog = within(await screen.findByRole('dialog'))
      for (const step of spreeflo.guides.revoke) {
        await waitFor(() => expect(dialog.getByRole('heading', { level: 2, name: step.title })).toBeTruthy())
        if (step.action === 'confirm-irreversible') await user.click(dialog.getByRole('checkbox', { name: 'I understand this cannot be undone' }))
        if (step.action !== 'verify-revoked') await user.click(dialog.getByRole('button', { name: 'Next' }))
      }
      await user.click(dialog.getByRole('button', { name: 'Check that the key is revoked' }))
      await waitFor(() => expect(dialog.getByRole('alert').textContent).toMatch(/^This key still works — it was not revoked\. Nothing was wiped\./))
      expect(w.keyhold.core.vault.keys().readSecret(key.id)).toBe('sf-still-works')

      sandboxes.spreeflo.revoke('sf-still-works')
      await user.click(dialog.getByRole('button', { name: 'Check again' }))
      await dialog.findByText(/^Revoked — verified on /)
      expect((await call(w.keyhold.core, 'keyhold:keys.get', { id: key.id })).revokedAt).toEqual(expect.any(Number))
    } finally {
      await sandboxes.close()
    }
  })

  it('lists a revoked key only under the Revoked list, and its detail says when it was verified', async () => {
    const w = await openWindow()
    const kept = await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Kept', details: { provider: spreeflo.id, keyName: 'a' }, secret: 's1' })
    const gone = await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Gone', details: { provider: spreeflo.id, keyName: 'b' }, secret: 's2' })
    w.keyhold.core.vault.keys().markRevoked(gone.id)
    await w.store.getState().loadKeys()
    const ids = () => selectVisibleEntries(w.store.getState()).map((e) => e.id)
    expect(ids()).toEqual([kept.id])
    w.store.getState().setView(REVOKED)
    expect(ids()).toEqual([gone.id])
    await w.store.getState().select(gone.id)
    w.render(<KeyDetailPanel />)
    await screen.findByText(/^Revoked — verified on /)
    expect(screen.queryByRole('button', { name: /Copy|Reveal|Check now|Revoke…|Edit/ })).toBeNull()
  })
})
