import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { App } from '../../renderer/src/App'
import { KeyholdStoreProvider } from '../../renderer/src/store/store'
import { STRONG_PASSWORD } from '../support/fixtures'
import { openWindow } from './support/render'

// The vault screen is a chunk of its own (renderer/src/screens/vault-screen-chunk.ts); here it never arrives.
vi.mock('../../renderer/src/screens/VaultScreen', () => {
  throw new Error('the chunk could not be fetched')
})

describe('a vault screen chunk that fails to load', () => {
  it('leaves the unlocked window saying so, never blank', async () => {
    const w = await openWindow()
    await w.store.getState().lockVault()
    const user = userEvent.setup()
    render(
      <KeyholdStoreProvider store={w.store}>
        <App />
      </KeyholdStoreProvider>,
    )
    await user.type(await screen.findByLabelText('Master password'), STRONG_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The vault could not be shown')
    expect(alert.textContent).toContain('Reload the window to try again.')
    expect(w.store.getState().vault?.state).toBe('unlocked')
  })
})
