import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ChangePasswordDialog } from '../../renderer/src/components/ChangePasswordDialog'
import { Unlock } from '../../renderer/src/screens/Unlock'
import { STRONG_PASSWORD } from '../support/fixtures'
import { openWindow } from './support/render'

describe('the password forms', () => {
  it('unlock: a wrong password is refused at its field and emptied; the right one unlocks', async () => {
    const w = await openWindow()
    await w.store.getState().lockVault()
    const user = userEvent.setup()
    w.render(<Unlock />)
    const field = screen.getByLabelText('Master password')
    await user.type(field, 'not the password')
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That password did not unlock the vault.'))
    expect((field as HTMLInputElement).value).toBe('')
    expect(field.getAttribute('aria-invalid')).toBe('true')
    await user.type(field, STRONG_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    await waitFor(() => expect(w.store.getState().vault?.state).toBe('unlocked'))
  })

  it('unlock: says why Keyhold locked on its own, and nothing when the person pressed Lock', async () => {
    const w = await openWindow()
    const locked = { ...(w.store.getState().vault as NonNullable<ReturnType<typeof w.store.getState>['vault']>), state: 'locked' as const }
    w.store.getState().vaultChanged(locked, 'idle')
    w.render(<Unlock />)
    expect(document.querySelector('.lock-reason')?.textContent).toBe('Vault locked after a while without use.')
    await userEvent.setup().type(screen.getByLabelText('Master password'), STRONG_PASSWORD)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Unlock' }))
    await waitFor(() => expect(w.store.getState().lockedBecause).toBeNull())
    await w.store.getState().lockVault()
    expect(document.querySelector('.lock-reason')).toBeNull()
  })

  it('change password: mismatched copies are caught here; a wrong current password lands on its field from core', async () => {
    const w = await openWindow()
    const user = userEvent.setup()
    w.render(<ChangePasswordDialog />)
    w.store.getState().openDialog('changePassword')
    const dialog = within(await screen.findByRole('dialog', { name: 'Change master password' }))
    await user.type(dialog.getByLabelText('Current master password'), 'wrong current password')
    await user.type(dialog.getByLabelText('New master password'), 'violet tractor lantern oyster 93')
    await user.type(dialog.getByLabelText('Type the new password again'), 'something else')
    await user.click(dialog.getByRole('button', { name: 'Change password' }))
    await waitFor(() => expect(dialog.getByText('The two new passwords are not the same.')).toBeTruthy())
    expect(w.keyhold.bridge.calls).not.toContain('keyhold:vault.changePassword')

    await user.clear(dialog.getByLabelText('Type the new password again'))
    await user.type(dialog.getByLabelText('Type the new password again'), 'violet tractor lantern oyster 93')
    await waitFor(() => expect(dialog.queryByText('The two new passwords are not the same.')).toBeNull())
    await user.click(dialog.getByRole('button', { name: 'Change password' }))
    const current = dialog.getByLabelText('Current master password')
    await waitFor(() => expect(current.getAttribute('aria-invalid')).toBe('true'))
    expect(dialog.getByText('That is not the current master password.')).toBeTruthy()
    expect(document.activeElement).toBe(current)
  })
})
