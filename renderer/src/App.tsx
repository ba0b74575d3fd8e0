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
    const { loadVault, vaultChanged, loadKeys, loadHistory, runProgress, runFinished, clipboardChanged } = useStore.getState()
    const offVault = subscribe('keyhold:vault.changed', ({ status, reason }) => vaultChanged(status, reason))
    const offKeys = subscribe('keyhold:keys.changed', ({ ids }) => {
      const { vault, selectedId } = useStore.getState()
      if (vault?.state !== 'unlocked') return
      void loadKeys()
      // A check of the open key made elsewhere (another window, a run) adds to its history.
      if (selectedId && ids.includes(selectedId)) void loadHistory(selectedId)
    })
    const offProgress = subscribe('keyhold:checks.progress', runProgress)
    const offFinished = subscribe('keyhold:checks.finished', runFinished)
    // Which key the clipboard holds and when it was cleared; never the value.
    const offClipboard = subscribe('keyhold:clipboard.changed', clipboardChanged)
    void loadVault()
    return () => {
      offVault()
      offKeys()
      offProgress()
      offFinished()
      offClipboard()
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
