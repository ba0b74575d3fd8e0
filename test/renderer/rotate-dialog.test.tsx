import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDERS, type ProviderDescriptor } from '../../electron/shared/providers'
import { KeyDetailPanel } from '../../renderer/src/components/KeyDetailPanel'
import { RotateKeyDialog } from '../../renderer/src/components/RotateDialog'
import { nextVerifyDelayMs } from '../../renderer/src/components/guide/verify-backoff'
import { startSandboxes, type Sandboxes } from '../sandbox'
import { useSandboxes } from '../support/checks'
import { call } from '../support/core'
import { openWindow } from './support/render'

const spreeflo = BUILT_IN_PROVIDERS[2] as ProviderDescriptor
const OLD = 'sf-rotate-old-0123456789'
const NEW = 'sf-rotate-new-9876543210'

let sandboxes: Sandboxes
beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(async () => {
  await sandboxes.close()
})

describe('the rotate dialog, from the provider’s rotate guide', () => {
  it('captures and checks the new key, saves it at once, ticks the integrations, and finishes once the old key is refused', async () => {
    const w = await openWindow()
    await useSandboxes(w.keyhold.core, sandboxes)
    sandboxes.spreeflo.addKey({ secret: OLD })
    sandboxes.spreeflo.addKey({ secret: NEW })
    const old = await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Sign-up form', details: { provider: 'spreeflo', keyName: 'signup', integration: 'Website sign-up form' }, secret: OLD })
    await w.store.getState().loadKeys()
    await w.store.getState().select(old.id)
    w.render(
      <>
        <KeyDetailPanel />
        <RotateKeyDialog />
      </>,
    )
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Rotate…' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Rotate “Sign-up form”' }))
    const heading = (title: string) => waitFor(() => expect(dialog.getByRole('heading', { level: 2, name: title })).toBeTruthy())
    const next = () => user.click(dialog.getByRole('button', { name: 'Next' }))
    const [create, capture, check, integrations, revokeOld, verify] = spreeflo.guides.rotate.map((s) => s.title) as string[]

    await heading(create as string)
    expect(dialog.getByText('Give each integration its own API key')).toBeTruthy()
    await next()
    await heading(capture as string)
    await w.keyhold.clipboard.writeSecret(NEW)
    await user.click(dialog.getByRole('button', { name: 'Paste from clipboard' }))
    await waitFor(() => expect(dialog.getByText(/API key pasted/)).toBeTruthy())
    await next()
    await heading(check as string)
    await waitFor(() => expect(dialog.getAllByText('Works').length).toBeGreaterThan(0))
    expect((await call(w.keyhold.core, 'keyhold:keys.list')).length).toBe(1)
    await next()

    // The new key is saved the moment its check passed; the old one still works.
    await heading(integrations as string)
    const keys = await call(w.keyhold.core, 'keyhold:keys.list')
    const fresh = keys.find((k) => k.id !== old.id)
    expect(fresh).toMatchObject({ name: 'Sign-up form', revokedAt: null })
    expect(w.keyhold.core.vault.keys().readSecret(fresh?.id as string)).toBe(NEW)
    // Its first stored check: without one, a later revocation of it could not be told from a key that never worked here.
    await waitFor(async () => expect((await call(w.keyhold.core, 'keyhold:keys.history', { id: fresh?.id as string })).map((c) => c.outcome)).toEqual(['valid']))
    await next()
    await heading(integrations as string) // the checklist holds until ticked
    await user.click(dialog.getByRole('checkbox', { name: 'Website sign-up form' }))
    await user.click(dialog.getByRole('checkbox', { name: 'Everything that used the old key now has the new one' }))
    await next()
    await heading(revokeOld as string)
    expect(dialog.getByText('Revoking cannot be undone')).toBeTruthy()
    await next()

    // Not revoked yet at the provider: Keyhold says so loudly and waits, wiping nothing.
    await heading(verify as string)
    await waitFor(() => expect(dialog.getByText(/This key still works — it was not revoked/)).toBeTruthy())
    expect(dialog.getByText(/Checking again in \d+ s/)).toBeTruthy()
    await user.click(dialog.getByRole('button', { name: 'Stop checking' }))
    expect(dialog.queryByText(/Checking again in/)).toBeNull()
    expect(w.keyhold.core.vault.keys().readSecret(old.id)).toBe(OLD)

    sandboxes.spreeflo.revoke(OLD)
    await user.click(dialog.getByRole('button', { name: 'Resume checking' }))
    await waitFor(() => expect(dialog.getByText(/^Revoked — verified on /)).toBeTruthy())
    await user.click(dialog.getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(w.store.getState().selectedId).toBe(fresh?.id)
    expect((await call(w.keyhold.core, 'keyhold:keys.get', { id: old.id })).revokedAt).toEqual(expect.any(Number))
    const oldTimeline = (await call(w.keyhold.core, 'keyhold:activity.list', { keyId: old.id })).map((i) => i.kind)
    expect(oldTimeline.slice(0, 2)).toEqual(['revoked', 'checked'])
    expect(oldTimeline).toContain('rotated')
  })

  it('waits longer each time it checks again, up to five minutes', () => {
    expect([0, 1, 2, 3, 10].map(nextVerifyDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 300_000])
  })
})
