import type { ProviderDescriptor } from '../../../electron/shared/providers'
import type { KeyholdClient } from '../api/client'
import type { SliceCreator } from './slice'

export interface ProvidersSlice {
  /** The registered providers, as core describes them; null until loaded. The window renders every form from these. */
  providers: readonly ProviderDescriptor[] | null
  loadProviders: () => Promise<void>
}

export const createProvidersSlice =
  (api: KeyholdClient): SliceCreator<ProvidersSlice> =>
  (set) => ({
    providers: null,
    async loadProviders() {
      set({ providers: await api.call('keyhold:providers.list') })
    },
  })
