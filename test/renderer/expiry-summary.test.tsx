import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDERS } from '../../electron/shared/providers'
import { ExpirySummary } from '../../renderer/src/components/ExpirySummary'
import { call } from '../support/core'
import { openWindow } from './support/render'

const spreeflo = BUILT_IN_PROVIDERS[2]
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

describe('the expiry summary after unlock', () => {
  it('names the expired keys and those due within the window, each one click from its page', async () => {
    const w = await openWindow()
    const add = (name: string, expiresOn: string | null) =>
      call(w.keyhold.core, 'keyhold:keys.add', { name, expiresOn, details: { provider: spreeflo.id, keyName: name }, secret: `s-${name}` })
    const old = await add('Old shop key', inDays(-3))
    await add('Newsletter', inDays(5))
    await add('Far away', inDays(60))
    await add('No date', null)
    await w.store.getState().loadKeys()
    w.render(<ExpirySummary />)

    const summary = await screen.findByRole('region', { name: 'Needs attention' })
    expect(within(summary).getByRole('heading', { name: '1 key has expired' })).toBeTruthy()
    expect(within(summary).getByRole('heading', { name: '1 key expires within 14 days' })).toBeTruthy()
    expect(summary.textContent).toContain('expired 3 days ago')
    expect(summary.textContent).toContain('expires in 5 days')
    expect(summary.textContent).not.toContain('Far away')
    await userEvent.setup().click(within(summary).getByRole('button', { name: 'Old shop key' }))
    expect(w.store.getState().selectedId).toBe(old.id)
    // The sidebar's list of the same keys (and more: rejected, blocked, long unchecked), one click away.
    await userEvent.setup().click(within(summary).getByRole('button', { name: 'Show what needs attention' }))
    expect(w.store.getState().view.kind).toBe('attention')
    expect(within(summary).queryByRole('button', { name: 'Show what needs attention' })).toBeNull()
  })

  it('follows the reminder window and the keys as they change, and can be put away', async () => {
    const w = await openWindow()
    await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Later', expiresOn: inDays(20), details: { provider: spreeflo.id, keyName: 'later' }, secret: 's' })
    w.render(<ExpirySummary />)
    // Nothing due within 14 days: no summary at all.
    await waitFor(() => expect(w.store.getState().vault?.state).toBe('unlocked'))
    expect(screen.queryByRole('region', { name: 'Needs attention' })).toBeNull()
    await call(w.keyhold.core, 'keyhold:settings.update', { reminders: { warnDays: 30 } })
    // Adding a key announces keys.changed: the summary reads the report again.
    await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Other', details: { provider: spreeflo.id, keyName: 'other' }, secret: 's2' })
    const summary = await screen.findByRole('region', { name: 'Needs attention' })
    expect(within(summary).getByRole('heading', { name: '1 key expires within 30 days' })).toBeTruthy()
    await userEvent.setup().click(within(summary).getByRole('button', { name: 'Not now' }))
    expect(screen.queryByRole('region', { name: 'Needs attention' })).toBeNull()
  })
})
