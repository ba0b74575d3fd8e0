import './zod-jitless'
import { StrictMode } from 'react'
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
  if (root)
    createRoot(root).render(
      <StrictMode>
        <KeyholdStoreProvider store={store}>
          <App />
        </KeyholdStoreProvider>
      </StrictMode>,
    )
}

void start()
