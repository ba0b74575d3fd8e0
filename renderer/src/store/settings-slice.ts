import type { StateCreator } from 'zustand'
import type { ProviderSettings } from '../../../electron/shared/dto'
import { call } from '../api/client'
import type { Store } from './store'

export interface SettingsSlice {
  /** Where each provider's API is; null until loaded. Holds no secret. */
  providerSettings: ProviderSettings | null
  loadSettings: () => Promise<void>
  saveSettings: (patch: Partial<ProviderSettings>) => Promise<void>
}

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set, get) => ({
  providerSettings: null,

  async loadSettings() {
    set({ providerSettings: null })
    const { providers } = await call('keyhold:settings.get')
    set({ providerSettings: providers })
  },

  async saveSettings(patch) {
    const { providers } = await call('keyhold:settings.update', { providers: patch })
    set({ providerSettings: providers })
    get().announce('Provider settings saved.')
  },
})
