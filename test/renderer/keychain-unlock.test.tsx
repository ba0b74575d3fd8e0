import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { NO_KEYCHAIN_REASON } from '../../electron/core/vault/keychain-unlock'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { activitySentence } from '../../renderer/src/activity-ui'
import { KEYCHAIN_TOGGLE_LABEL, KEYCHAIN_TRADE_OFF } from '../../renderer/src/components/KeychainUnlockSetting'
import { SettingsDialog } from '../../renderer/src/components/SettingsDialog'
import { Unlock } from '../../renderer/src/screens/Unlock'
import { KeyholdStoreProvider } from '../../renderer/src/store/store'
import { call } from '../support/core'
import { OTHER_STRONG_PASSWORD, STRONG_PASSWORD } from '../support/fixtures'
import { MemoryKeychain } from '../support/memory-keychain'
import { openWindow } from './support/render'

type TestWindow = Awaited<ReturnType<typeof openWindow>>

async function openSettings(w: TestWindow) {
  w.render(<SettingsDialog />)
  w.store.getState().openDialog('settings')
  return within(await screen.findByRole('dialog', { name: 'Settings' }))
}

function renderUnlock(w: TestWindow) {
  render(
    <KeyholdStoreProvider store={w.store}>
      <Unlock />
    </KeyholdStoreProvider>,
  )
}

describe('the keychain option in Settings', () => {
  it('is shown disabled, with the reason, where no keychain can be used', async () => {
    const w = await openWindow()
    const dialog = await openSettings(w)
    const toggle = (await dialog.findByRole('checkbox', { name: KEYCHAIN_TOGGLE_LABEL })) as HTMLInputElement
    await waitFor(() => expect(toggle.disabled).toBe(true))
    expect(toggle.checked).toBe(false)
    expect(toggle.getAttribute('aria-describedby')).not.toBeNull()
    expect(document.getElementById(toggle.getAttribute('aria-describedby') ?? '')?.textContent).toBe(NO_KEYCHAIN_REASON)
  })

  it('turns on with the master password (a wrong one is refused at the field), and off deletes the entry', async () => {
    const keychain = new MemoryKeychain()
    const w = await openWindow({ keychain })
    const user = userEvent.setup()
    const dialog = await openSettings(w)
    const toggle = (await dialog.findByRole('checkbox', { name: KEYCHAIN_TOGGLE_LABEL })) as HTMLInputElement
    await waitFor(() => expect(toggle.disabled).toBe(false))
    expect(dialog.getByText(KEYCHAIN_TRADE_OFF)).toBeTruthy()

    await user.click(toggle)
    const password = dialog.getByLabelText('Master password, to turn this on')
    await user.type(password, OTHER_STRONG_PASSWORD)
    await user.click(dialog.getByRole('button', { name: 'Turn on keychain unlock' }))
    expect(await dialog.findByText(ERROR_MESSAGES.WRONG_PASSWORD)).toBeTruthy()
    expect(keychain.entries.size).toBe(0)

    await user.type(dialog.getByLabelText('Master password, to turn this on'), STRONG_PASSWORD)
    await user.click(dialog.getByRole('button', { name: 'Turn on keychain unlock' }))
    await waitFor(() => expect(dialog.queryByLabelText('Master password, to turn this on')).toBeNull())
    expect(toggle.checked).toBe(true)
    expect(keychain.entries.size).toBe(1)
    expect(await call(w.keyhold.core, 'keyhold:vault.keychainStatus')).toMatchObject({ enabled: true })
    // The window asked for booleans and a sentence only; no answer it got holds the keychain's key.
    const held = [...keychain.entries.values()][0] as Buffer
    expect(document.body.innerHTML).not.toContain(held.toString('base64'))

    await user.click(toggle)
    await waitFor(() => expect(toggle.checked).toBe(false))
    expect(keychain.entries.size).toBe(0)
  })
})

describe('the Unlock screen', () => {
  it('offers no keychain button while the option is off', async () => {
    const w = await openWindow({ keychain: new MemoryKeychain() })
    await w.store.getState().lockVault()
    renderUnlock(w)
    await screen.findByLabelText('Master password')
    await waitFor(() => expect(w.keyhold.bridge.calls).toContain('keyhold:vault.keychainStatus'))
    expect(screen.queryByRole('button', { name: 'Unlock with system keychain' })).toBeNull()
  })

  it('unlocks with the system keychain when the option is on', async () => {
    const w = await openWindow({ keychain: new MemoryKeychain() })
    await call(w.keyhold.core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: STRONG_PASSWORD })
    await w.store.getState().lockVault()
    const user = userEvent.setup()
    renderUnlock(w)
    await user.click(await screen.findByRole('button', { name: 'Unlock with system keychain' }))
    await waitFor(() => expect(w.store.getState().vault?.state).toBe('unlocked'))
  })

  it('an entry gone from the keychain: the sentence, the button goes, the password still unlocks', async () => {
    const keychain = new MemoryKeychain()
    const w = await openWindow({ keychain })
    await call(w.keyhold.core, 'keyhold:vault.setKeychainUnlock', { enabled: true, password: STRONG_PASSWORD })
    await w.store.getState().lockVault()
    keychain.entries.clear()
    const user = userEvent.setup()
    renderUnlock(w)
    await user.click(await screen.findByRole('button', { name: 'Unlock with system keychain' }))
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.KEYCHAIN_ENTRY_LOST)
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Unlock with system keychain' })).toBeNull())
    expect(w.store.getState().vault?.state).toBe('locked')

    await user.type(screen.getByLabelText('Master password'), STRONG_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    await waitFor(() => expect(w.store.getState().vault?.state).toBe('unlocked'))
  })
})

describe('the vault timeline', () => {
  it('says when keychain unlock was turned on or off and each unlock it did', () => {
    const base = { at: 0, damaged: false as const, keyId: null, keyName: null, field: null, detail: null }
    expect(activitySentence({ ...base, kind: 'keychain-on' }, undefined)).toBe('Turned on unlock with the system keychain')
    expect(activitySentence({ ...base, kind: 'keychain-off' }, undefined)).toBe('Turned off unlock with the system keychain')
    expect(activitySentence({ ...base, kind: 'keychain-unlocked' }, undefined)).toBe('Unlocked with the system keychain')
  })
})
