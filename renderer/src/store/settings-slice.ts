import type { StateCreator } from 'zustand'
import type { ClipboardSettings, ProviderSettings, Settings } from '../../../electron/shared/dto'
import { call } from '../api/client'
import type { Store } from './store'

export interface SettingsPatch {
  providers?: Partial<ProviderSettings>
  clipboard?: Partial<ClipboardSettings>
}

export interface SettingsSlice {
  /** Where each provider's API is and how long a copied key stays; null until loaded. Holds no secret. */
  settings: Settings | null
  loadSettings: () => Promise<void>
  saveSettings: (patch: SettingsPatch) => Promise<void>
}

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set, get) => ({
  settings: null,

  async loadSettings() {
    set({ settings: null })
    set({ settings: await call('keyhold:settings.get') })
  },

  async saveSettings(patch) {
    set({ settings: await call('keyhold:settings.update', patch) })
    get().announce('Settings saved.')
  },
})
