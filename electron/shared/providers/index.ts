export type * from './descriptor'
export { BUILT_IN_PROVIDER_IDS, BUILT_IN_PROVIDERS, builtInProviders, fillTemplate, isPortalUrlOf, ProviderRegistry } from './registry'
export type { BuiltInProviderId, ProviderSettingsValues, ProviderSettingValues } from './registry'
export { THREATSTOP_SERVICES } from './threatstop'
