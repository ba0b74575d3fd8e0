import { cleanup, render, type RenderResult } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach } from 'vitest'
import { Announcer } from '../../../renderer/src/components/Announcer'
import { createKeyholdStore, KeyholdStoreProvider, type KeyholdStore } from '../../../renderer/src/store/store'
import { call } from '../../support/core'
import { STRONG_PASSWORD } from '../../support/fixtures'
import { startCore, type TestKeyhold } from './core-bridge'

export interface Window {
  keyhold: TestKeyhold
  store: KeyholdStore
  render: (ui: ReactNode) => RenderResult
  close: () => Promise<void>
}

const open: Window[] = []
afterEach(async () => {
  cleanup()
  sessionStorage.clear()
  for (const w of open.splice(0)) await w.close()
})

/**
 * A window's store over a real core with an unlocked, empty vault and the descriptors loaded, as
 * the app has them once it starts. Closed after each test.
 */
export async function openWindow(options: Parameters<typeof startCore>[0] = {}): Promise<Window> {
  const keyhold = startCore(options)
  await call(keyhold.core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  const store = createKeyholdStore(keyhold.bridge)
  await store.getState().loadProviders()
  await store.getState().loadVault()
  await store.getState().unlockVault(STRONG_PASSWORD)
  const w: Window = {
    keyhold,
    store,
    render: (ui) =>
      render(
        <KeyholdStoreProvider store={store}>
          {ui}
          <Announcer />
        </KeyholdStoreProvider>,
      ),
    close: () => keyhold.close(),
  }
  open.push(w)
  return w
}
