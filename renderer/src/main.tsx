// First, before any module that builds or parses a schema.
import './zod-jitless'
import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { connectWebBridge } from './bridge/web-bridge'
import { createKeyholdStore, KeyholdStoreProvider } from './store/store'
import './styles.css'

// The desktop preload provides window.keyhold; a page served by the local web host builds its
// own bridge over loopback HTTP.
async function start() {
  const store = createKeyholdStore(window.keyhold ?? (await connectWebBridge()))
  const root = document.getElementById('root')
  if (!root) return
  const reactRoot = createRoot(root)
  // Rendered, committed and its effects run in this task: App's effect asks for the vault's state
  // and the providers, and those requests go out now rather than after a scheduler task and a frame.
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <KeyholdStoreProvider store={store}>
          <App />
        </KeyholdStoreProvider>
      </StrictMode>,
    ),
  )
}

void start()
