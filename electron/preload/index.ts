// A sandboxed preload can load nothing but `electron` and what is bundled into it, so it takes
// only the dependency-free channel list from shared.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNELS, METHOD_CHANNELS } from '../shared/channels'

const methods = new Set<string>(METHOD_CHANNELS)
const events = new Set<string>(EVENT_CHANNELS)

contextBridge.exposeInMainWorld('keyhold', {
  invoke(channel: string, input?: unknown): Promise<unknown> {
    if (!methods.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message: 'Unknown request.' } })
    }
    return ipcRenderer.invoke(channel, input)
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error('Unknown event.')
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(event, forward)
    return () => ipcRenderer.removeListener(event, forward)
  },
})
