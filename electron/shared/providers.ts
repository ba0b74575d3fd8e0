/** The built-in providers. Shared so the window can name them without asking core. */
export const PROVIDER_IDS = ['threadeo', 'threatstop', 'spreeflo', 'custom'] as const
export type ProviderId = (typeof PROVIDER_IDS)[number]

export const PROVIDER_LABELS: Readonly<Record<ProviderId, string>> = {
  threadeo: 'Threadeo',
  threatstop: 'ThreatSTOP',
  spreeflo: 'Spreeflo',
  custom: 'Custom REST API',
}

/** ThreatSTOP services a key can be granted read access to (configurable slugs, see providers.md). */
export const THREATSTOP_SERVICES = [
  'devices',
  'policies',
  'ip_lists',
  'domain_lists',
  'threatlists',
  'check_ioc',
  'logs',
] as const
export type ThreatstopService = (typeof THREATSTOP_SERVICES)[number]

export const THREATSTOP_SERVICE_LABELS: Readonly<Record<ThreatstopService, string>> = {
  devices: 'Devices',
  policies: 'Custom policies',
  ip_lists: 'User-defined IP lists',
  domain_lists: 'User-defined domain lists',
  threatlists: 'ThreatList settings',
  check_ioc: 'Check IOC',
  logs: 'Log-file status',
}

/** How a Custom REST API key travels in a request; keys never go in URLs. */
export const CUSTOM_AUTH_KINDS = ['bearer', 'header', 'basic'] as const
export type CustomAuthKind = (typeof CUSTOM_AUTH_KINDS)[number]
