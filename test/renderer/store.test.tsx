import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDER_IDS } from '../../electron/shared/providers'
import { createStore } from 'zustand'
import { combineSlices, createKeyholdStore, type Store } from '../../renderer/src/store/store'
import { openWindow } from './support/render'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('the window holds no per-provider code', () => {
  it('no file under renderer/ names a built-in provider', () => {
    const named = filesUnder('renderer').flatMap((file) => {
      const text = readFileSync(file, 'utf8').toLowerCase()
      return BUILT_IN_PROVIDER_IDS.filter((id) => id !== 'custom' && text.includes(id)).map((id) => `${file}: ${id}`)
    })
    expect(named).toEqual([])
  })
})

describe('the store', () => {
  it('is built per window: two stores share no state', async () => {
    const a = await openWindow()
    const b = createKeyholdStore(a.keyhold.bridge)
    a.store.getState().announce('only in a')
    a.store.getState().openDialog('add')
    expect(b.getState().announcement).toBeNull()
    expect(b.getState().dialog).toBeNull()
    expect(b.getState().providers).toBeNull()
  })

  it('loads the providers core registered, without an unlock', async () => {
    const w = await openWindow()
    await w.store.getState().lockVault()
    const fresh = createKeyholdStore(w.keyhold.bridge)
    await fresh.getState().loadProviders()
    expect(fresh.getState().providers?.map((p) => p.id)).toEqual([...BUILT_IN_PROVIDER_IDS])
  })

  it('refuses a slice writing another slice’s field', async () => {
    const w = await openWindow()
    // Every action that crosses slices goes through the owner's action: a full lock clears them all.
    await w.store.getState().addKey({ name: 'K', details: { provider: 'custom', baseUrl: 'https://api.example.com', auth: { kind: 'bearer' } }, secret: 's' })
    await w.store.getState().checkKey(w.store.getState().entries[0]?.id as string)
    await w.store.getState().lockVault()
    expect(w.store.getState().entries).toEqual([])
    expect(w.store.getState().history).toBeNull()

  })

  it('refuses a slice that writes a field another slice owns', () => {
    const rogue = createStore<Store>()(
      combineSlices({
        counter: (set) => ({ count: 0, bump: () => set({ count: 1 }), meddle: () => set({ label: 'changed' } as never) }),
        label: () => ({ label: 'mine' }),
      }),
    )
    const state = rogue.getState() as unknown as { bump: () => void; meddle: () => void; count: number; label: string }
    state.bump()
    expect((rogue.getState() as unknown as { count: number }).count).toBe(1)
    expect(() => state.meddle()).toThrow('The counter slice wrote “label”, which another slice owns')
    expect((rogue.getState() as unknown as { label: string }).label).toBe('mine')
  })
})
