import type { App, PowerMonitor, WebContents } from 'electron'
import type { KeyholdCore } from '../core/keyhold-core'

/** Locks the vault, wiping its keys, when the computer sleeps or the screen locks. */
export function lockOnPowerEvents(powerMonitor: Pick<PowerMonitor, 'on'>, vault: Pick<KeyholdCore['vault'], 'lock'>): void {
  const lock = (reason: 'suspend' | 'screen-lock') => () => {
    vault.lock(reason).catch(() => {
      console.error(`Keyhold could not lock the vault on ${reason}.`)
    })
  }
  powerMonitor.on('suspend', lock('suspend'))
  powerMonitor.on('lock-screen', lock('screen-lock'))
}

/**
 * Quitting waits for core to lock the vault (wiping key material and closing the database):
 * the first 'before-quit' is held back until shutdown settles, then the quit goes ahead.
 */
export function shutdownBeforeQuit(app: Pick<App, 'on' | 'quit'>, shutdown: () => Promise<unknown>): void {
  let state: 'running' | 'shutting-down' | 'done' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'done') return
    event.preventDefault()
    if (state === 'shutting-down') return
    state = 'shutting-down'
    shutdown()
      .catch(() => console.error('Keyhold could not lock the vault cleanly before quitting.'))
      .finally(() => {
        state = 'done'
        app.quit()
      })
  })
}

/** Sends every core event to the window; events never carry a secret (core's rule). */
export function forwardCoreEvents(events: Pick<KeyholdCore['events'], 'subscribe'>, target: () => WebContents | null): () => void {
  return events.subscribe((channel, payload) => {
    const contents = target()
    if (contents !== null && !contents.isDestroyed()) contents.send(channel, payload)
  })
}
