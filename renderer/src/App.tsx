import { useEffect } from 'react'
import { Announcer } from './components/Announcer'
import { FirstRun } from './screens/FirstRun'
import { Unlock } from './screens/Unlock'
import { useVaultScreen } from './screens/vault-screen-chunk'
import { selectConnectionError, selectVaultState } from './store/selectors'
import { useKeyholdStore, useStore } from './store/store'

export function App() {
  const state = useStore(selectVaultState)
  const connectionError = useStore(selectConnectionError)
  const providersLoaded = useStore((s) => s.providers !== null)
  const store = useKeyholdStore()
  const { VaultScreen, failed: vaultScreenFailed } = useVaultScreen(state !== null && providersLoaded && !connectionError)

  useEffect(() => {
    const { subscribe } = store.api
    const { loadVault, loadProviders, vaultChanged, loadKeys, loadHistory, runProgress, runFinished, clipboardChanged } = store.getState()
    const offVault = subscribe('keyhold:vault.changed', ({ status, reason }) => vaultChanged(status, reason))
    const offKeys = subscribe('keyhold:keys.changed', ({ ids }) => {
      const { vault, selectedId } = store.getState()
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
    // What the window renders every form from; needs no unlock.
    loadProviders().catch((err: unknown) => store.getState().announce(`The providers could not be loaded: ${err instanceof Error ? err.message : 'try again'}`))
    return () => {
      offVault()
      offKeys()
      offProgress()
      offFinished()
      offClipboard()
    }
  }, [store])

  return (
    <div className="app">
      {connectionError ? (
        <main className="gate">
          <div className="gate-card" role="alert">
            <h1>Keyhold is not connected</h1>
            <p>{connectionError}</p>
          </div>
        </main>
      ) : state === null || !providersLoaded ? (
        <Opening />
      ) : state === 'absent' || state === 'unfinished' ? (
        <FirstRun />
      ) : state === 'locked' ? (
        <Unlock />
      ) : VaultScreen ? (
        <VaultScreen />
      ) : vaultScreenFailed ? (
        <main className="gate">
          <div className="gate-card" role="alert">
            <h1>The vault could not be shown</h1>
            <p>Part of the Keyhold window did not load. Reload the window to try again.</p>
          </div>
        </main>
      ) : (
        <Opening />
      )}
      <Announcer />
    </div>
  )
}

function Opening() {
  return (
    <main className="gate" aria-busy="true">
      <p>Opening Keyhold…</p>
    </main>
  )
}
