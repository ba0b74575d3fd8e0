import { useEffect } from 'react'
import { subscribe } from './api/client'
import { Announcer } from './components/Announcer'
import { FirstRun } from './screens/FirstRun'
import { Unlock } from './screens/Unlock'
import { VaultScreen } from './screens/VaultScreen'
import { selectConnectionError, selectVaultState } from './store/selectors'
import { useStore } from './store/store'

export function App() {
  const state = useStore(selectVaultState)
  const connectionError = useStore(selectConnectionError)

  useEffect(() => {
    const { loadVault, vaultChanged, loadKeys } = useStore.getState()
    const offVault = subscribe('keyhold:vault.changed', ({ status, reason }) => vaultChanged(status, reason))
    const offKeys = subscribe('keyhold:keys.changed', () => {
      if (useStore.getState().vault?.state === 'unlocked') void loadKeys()
    })
    void loadVault()
    return () => {
      offVault()
      offKeys()
    }
  }, [])

  return (
    <>
      {connectionError ? (
        <main className="gate">
          <div className="gate-card" role="alert">
            <h1>Keyhold is not connected</h1>
            <p>{connectionError}</p>
          </div>
        </main>
      ) : state === null ? (
        <main className="gate" aria-busy="true">
          <p>Opening Keyhold…</p>
        </main>
      ) : state === 'absent' ? (
        <FirstRun />
      ) : state === 'locked' ? (
        <Unlock />
      ) : (
        <VaultScreen />
      )}
      <Announcer />
    </>
  )
}
