import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../renderer/src/App'
import { START_OVER } from '../../renderer/src/screens/FirstRun'
import { createKeyholdStore, KeyholdStoreProvider } from '../../renderer/src/store/store'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { call } from '../support/core'
import { STRONG_PASSWORD } from '../support/fixtures'
import { startCore, type TestKeyhold } from './support/core-bridge'

let keyhold: TestKeyhold | undefined
afterEach(async () => {
  await keyhold?.close()
  keyhold = undefined
})

describe('the first-run screen after a create that was stopped', () => {
  it('says so, refuses to replace the leftover until Start over is ticked, then creates the vault', async () => {
    keyhold = startCore()
    // What a create stopped by Keyhold before this version (or a full disk) left: an empty vault file.
    writeFileSync(keyhold.core.paths.vaultFile, '')
    const store = createKeyholdStore(keyhold.bridge)
    await store.getState().loadProviders()
    await store.getState().loadVault()
    const user = userEvent.setup()
    render(
      <KeyholdStoreProvider store={store}>
        <App />
      </KeyholdStoreProvider>,
    )
    expect((await screen.findByRole('note')).textContent).toContain('was stopped before it finished')
    await user.type(screen.getByLabelText('Master password'), STRONG_PASSWORD)
    await user.type(screen.getByLabelText('Type it again'), STRONG_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Create vault' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(ERROR_MESSAGES.VAULT_UNFINISHED))
    expect(await call(keyhold.core, 'keyhold:vault.status')).toEqual({ state: 'unfinished' })

    await user.click(screen.getByRole('checkbox', { name: START_OVER }))
    await user.click(screen.getByRole('button', { name: 'Create vault' }))
    await waitFor(() => expect(store.getState().vault?.state).toBe('unlocked'))
    await call(keyhold.core, 'keyhold:vault.lock')
    await call(keyhold.core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
  })
})
