import type { MethodInput } from '../../../electron/shared/contract'
import type { Settings } from '../../../electron/shared/dto'
import type { KeyholdClient } from '../api/client'
import type { SliceCreator } from './slice'

export type SettingsPatch = MethodInput<'keyhold:settings.update'>

export interface SettingsSlice {
  /** Where each provider's API is and how long a copied key stays; null until loaded. Holds no secret. */
  settings: Settings | null
  loadSettings: () => Promise<void>
  saveSettings: (patch: SettingsPatch) => Promise<void>
  clearSettings: () => void
}

export const createSettingsSlice =
  (api: KeyholdClient): SliceCreator<SettingsSlice> =>
  (set, get) => ({
    settings: null,

    async loadSettings() {
      set({ settings: null })
      set({ settings: await api.call('keyhold:settings.get') })
    },

    async saveSettings(patch) {
      set({ settings: await api.call('keyhold:settings.update', patch) })
      get().announce('Settings saved.')
    },

    clearSettings: () => set({ settings: null }),
  })
