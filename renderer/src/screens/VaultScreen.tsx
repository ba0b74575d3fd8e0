import { useEffect } from 'react'
import { ChangePasswordDialog } from '../components/ChangePasswordDialog'
import { CheckRunPanel } from '../components/CheckRunPanel'
import { ExpirySummary } from '../components/ExpirySummary'
import { AddKeyDialog, DeleteKeyDialog, EditKeyDialog } from '../components/KeyDialogs'
import { RotateKeyDialog } from '../components/RotateDialog'
import { KeyDetailPanel } from '../components/KeyDetailPanel'
import { KeyList } from '../components/KeyList'
import { ListToolbar } from '../components/ListToolbar'
import { SettingsDialog } from '../components/SettingsDialog'
import { selectKeyCount, selectQuery } from '../store/selectors'
import { useProviders } from '../providers-ui'
import { useStore } from '../store/store'
import { VaultActivityButton } from '../components/VaultActivityDialog'

const MINUTE = 60_000

function EmptyVault() {
  const openDialog = useStore((s) => s.openDialog)
  const labels = useProviders().map((p) => p.label)
  return (
    <div className="empty-state">
      <h2>No keys yet</h2>
      <p>
        Add the first API key you want to keep safe. Keyhold walks you through it for {labels.join(', ')}, and
        keeps the key encrypted on this computer.
      </p>
      <button type="button" className="primary" onClick={() => openDialog('add')}>
        Add your first key
      </button>
    </div>
  )
}

export function VaultScreen() {
  const count = useStore(selectKeyCount)
  const query = useStore(selectQuery)
  const search = useStore((s) => s.search)
  const openDialog = useStore((s) => s.openDialog)
  const lockVault = useStore((s) => s.lockVault)
  const tick = useStore((s) => s.tick)

  // "checked 3 min ago" moves on once a minute.
  useEffect(() => {
    tick()
    const timer = setInterval(tick, MINUTE)
    return () => clearInterval(timer)
  }, [tick])

  return (
    <div className="vault">
      <header className="toolbar">
        <h1 className="brand">Keyhold</h1>
        <div className="search">
          <label htmlFor="search" className="visually-hidden">
            Search keys
          </label>
          <input id="search" type="search" placeholder="Search keys" value={query} onChange={(e) => void search(e.target.value)} autoComplete="off" />
        </div>
        <button type="button" className="primary" onClick={() => openDialog('add')}>
          Add key
        </button>
        <button type="button" onClick={() => openDialog('settings')}>
          Settings
        </button>
        <VaultActivityButton />
        <button type="button" onClick={() => openDialog('changePassword')}>
          Change master password
        </button>
        <button type="button" onClick={() => void lockVault()}>
          Lock
        </button>
      </header>
      <main className="vault-body">
        <section className="list-pane" aria-label="Your keys">
          {count === 0 ? (
            <EmptyVault />
          ) : (
            <>
              <ExpirySummary />
              <ListToolbar />
              <CheckRunPanel />
              <KeyList />
            </>
          )}
        </section>
        <KeyDetailPanel />
      </main>
      <AddKeyDialog />
      <EditKeyDialog />
      <DeleteKeyDialog />
      <RotateKeyDialog />
      <ChangePasswordDialog />
      <SettingsDialog />
    </div>
  )
}
