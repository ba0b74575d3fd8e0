import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../renderer/src/App'
import { KeyholdStoreProvider } from '../../renderer/src/store/store'
import { STRONG_PASSWORD } from '../support/fixtures'
import { openWindow } from './support/render'

describe('the window’s screens', () => {
  it('opens on the unlock screen, and unlocking shows the vault screen from its own chunk', async () => {
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
    // The first import of the chunk transforms its whole module graph here, which takes a while.
    expect(await screen.findByRole('region', { name: 'Your keys' }, { timeout: 20_000 })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'No keys yet' })).toBeTruthy()
  })
})
