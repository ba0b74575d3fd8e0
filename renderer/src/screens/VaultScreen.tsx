import { FilesMenu } from '../components/FilesMenu'
import { KeyRound, Lock, PanelLeft, PanelLeftClose, Plus, Search, Settings } from 'lucide-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { ChangePasswordDialog } from '../components/ChangePasswordDialog'
import { CheckRunPanel } from '../components/CheckRunPanel'
import { ExpirySummary } from '../components/ExpirySummary'
import { ReadOnlyNotice } from '../components/ReadOnlyNotice'
import { AddKeyDialog, DeleteKeyDialog, EditKeyDialog } from '../components/KeyDialogs'
import { RotateKeyDialog } from '../components/RotateDialog'
import { KeyDetailPanel } from '../components/KeyDetailPanel'
import { KeyList } from '../components/KeyList'
import { ListToolbar } from '../components/ListToolbar'
import { SettingsDialog } from '../components/SettingsDialog'
import { selectKeyCount, selectQuery, selectSettings } from '../store/selectors'
import { useProviders } from '../providers-ui'
import { useStore } from '../store/store'
import { VaultActivityButton } from '../components/VaultActivityDialog'
import { Sidebar, SIDEBAR_ID } from '../components/Sidebar'
import { SHORTCUTS, useShortcuts, withShortcut } from '../shortcuts'

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
  const settings = useStore(selectSettings)
  const loadSettings = useStore((s) => s.loadSettings)
  const searchRef = useRef<HTMLInputElement>(null)
  // Below the width where list, detail and sidebar fit side by side, the sidebar folds away behind a button.
  const [sidebarOpen, setSidebarOpen] = useState(false)
  const toggleRef = useRef<HTMLButtonElement>(null)
  // Opened from its button, the folded sidebar takes focus at the current list; closed, focus goes back.
  useEffect(() => {
    if (sidebarOpen) document.querySelector<HTMLElement>(`#${SIDEBAR_ID} [aria-current="true"]`)?.focus()
  }, [sidebarOpen])
  const closeSidebar = () => {
    if (!sidebarOpen) return
    setSidebarOpen(false)
    toggleRef.current?.focus()
  }

  // "checked 3 min ago" moves on once a minute.
  useEffect(() => {
    tick()
    const timer = setInterval(tick, MINUTE)
    return () => clearInterval(timer)
  }, [tick])

  // The reminder window decides which keys count as expiring soon; read once per unlock.
  useEffect(() => {
    if (settings === null) void loadSettings().catch(() => undefined)
  }, [settings, loadSettings])

  const shortcuts = useMemo(
    () => ({
      focusSearch: () => {
        searchRef.current?.focus()
        searchRef.current?.select()
      },
      addKey: () => openDialog('add'),
      lock: () => void lockVault(),
    }),
    [openDialog, lockVault],
  )
  useShortcuts(shortcuts)

  return (
    <div className="vault">
      <header className="toolbar">
        <button
          type="button"
          ref={toggleRef}
          className="sidebar-toggle icon-button"
          aria-expanded={sidebarOpen}
          aria-controls={SIDEBAR_ID}
          title={sidebarOpen ? 'Hide the key lists' : 'Show the key lists'}
          onClick={() => setSidebarOpen((o) => !o)}
        >
          {sidebarOpen ? <PanelLeftClose size={18} aria-hidden="true" focusable="false" /> : <PanelLeft size={18} aria-hidden="true" focusable="false" />}
          <span className="visually-hidden">Key lists</span>
        </button>
        <h1 className="brand">Keyhold</h1>
        <div className="search">
          <label htmlFor="search" className="visually-hidden">
            Search keys
          </label>
          <Search className="search-icon" size={16} aria-hidden="true" focusable="false" />
          <input
            id="search"
            ref={searchRef}
            type="search"
            placeholder="Search keys"
            title={withShortcut('Search keys', SHORTCUTS.search)}
            aria-keyshortcuts={SHORTCUTS.search.aria}
            value={query}
            onChange={(e) => void search(e.target.value)}
            onKeyDown={(e) => {
              // Escape in a search clears it first, as a browser's does; a second press leaves the field.
              if (e.key === 'Escape' && query === '') searchRef.current?.blur()
            }}
            autoComplete="off"
          />
        </div>
        <button type="button" className="primary" title={withShortcut('Add key', SHORTCUTS.addKey)} aria-keyshortcuts={SHORTCUTS.addKey.aria} onClick={() => openDialog('add')}>
          <Plus className="button-icon" size={16} aria-hidden="true" focusable="false" />
          <span className="button-label">Add key</span>
        </button>
        <FilesMenu />
        <button type="button" className="collapsible" title="Settings" onClick={() => openDialog('settings')}>
          <Settings className="button-icon" size={16} aria-hidden="true" focusable="false" />
          <span className="button-label">Settings</span>
        </button>
        <VaultActivityButton />
        <button type="button" className="collapsible" title="Change master password" onClick={() => openDialog('changePassword')}>
          <KeyRound className="button-icon" size={16} aria-hidden="true" focusable="false" />
          <span className="button-label">Change master password</span>
        </button>
        <button type="button" title={withShortcut('Lock', SHORTCUTS.lock)} aria-keyshortcuts={SHORTCUTS.lock.aria} onClick={() => void lockVault()}>
          <Lock className="button-icon" size={16} aria-hidden="true" focusable="false" />
          <span className="button-label">Lock</span>
        </button>
      </header>
      <div className="vault-body">
        <Sidebar open={sidebarOpen} onChosen={closeSidebar} />
        <main className="vault-main">
          <section className="list-pane" aria-label="Your keys">
            <ReadOnlyNotice />
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
      </div>
      <AddKeyDialog />
      <EditKeyDialog />
      <DeleteKeyDialog />
      <RotateKeyDialog />
      <ChangePasswordDialog />
      <SettingsDialog />
    </div>
  )
}
