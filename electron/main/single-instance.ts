import type { App } from 'electron'

type InstanceApp = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>

/**
 * One process owns the vault (DESIGN.md, "Store"). The first instance keeps running and brings
 * its window forward when another launch is attempted; that other launch quits at once.
 * Returns whether this process is the one that should carry on.
 */
export function claimSingleInstance(app: InstanceApp, onSecondLaunch: () => void): boolean {
  return handleInstanceLock(app.requestSingleInstanceLock(), app, onSecondLaunch)
}

export function handleInstanceLock(gotLock: boolean, app: Pick<App, 'quit' | 'on'>, onSecondLaunch: () => void): boolean {
  if (!gotLock) {
    app.quit()
    return false
  }
  app.on('second-instance', () => onSecondLaunch())
  return true
}
