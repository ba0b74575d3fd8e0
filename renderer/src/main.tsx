import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { setBridge } from './api/client'
import { App } from './App'
import { connectWebBridge } from './bridge/web-bridge'
import './styles.css'

// The desktop preload provides window.keyhold; a page served by the local web host builds its
// own bridge over loopback HTTP.
async function start() {
  setBridge(window.keyhold ?? (await connectWebBridge()))
  const root = document.getElementById('root')
  if (root) createRoot(root).render(<StrictMode><App /></StrictMode>)
}

void start()
