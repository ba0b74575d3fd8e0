import { describe, expect, it } from 'vitest'
import type { KeyholdBridge } from '../../electron/shared/contract'

describe('the window’s start (renderer/src/main.tsx)', () => {
  it('asks for the vault’s state and the providers as it mounts, not a scheduler task later', async () => {
    const calls: string[] = []
    const bridge = {
      invoke: (channel: string) => {
        calls.push(channel)
        return new Promise(() => undefined)
      },
      on: () => () => undefined,
    } as unknown as KeyholdBridge
    Object.defineProperty(window, 'keyhold', { value: bridge, configurable: true })
    document.body.innerHTML = '<div id="root"></div>'
    // The module starts the window as it is evaluated; React's scheduler runs its tasks later.
    await import('../../renderer/src/main')
    // Once each in the build; StrictMode runs effects twice in the development build tests use.
    expect([...new Set(calls)]).toEqual(['keyhold:vault.lock', 'keyhold:providers.list'])
  })
})
