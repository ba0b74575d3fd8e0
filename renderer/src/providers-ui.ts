import type { CustomAuthKind, ProviderId, ThreatstopService } from '../../electron/shared/providers'

/**
 * What the window says about each provider. Typed against shared's ids with exhaustive records,
 * so a provider or service added in shared fails the typecheck here until it is named.
 */
export const PROVIDERS: Readonly<Record<ProviderId, { label: string; short: string; secretLabel: string }>> = {
  threadeo: { label: 'Threadeo', short: 'Td', secretLabel: 'Secret token' },
  threatstop: { label: 'ThreatSTOP', short: 'TS', secretLabel: 'API key' },
  spreeflo: { label: 'Spreeflo', short: 'Sf', secretLabel: 'API key' },
  custom: { label: 'Custom REST API', short: 'API', secretLabel: 'API key' },
}

export const PROVIDER_ORDER: readonly ProviderId[] = ['threadeo', 'threatstop', 'spreeflo', 'custom']

export const THREATSTOP_SERVICE_LABELS: Readonly<Record<ThreatstopService, string>> = {
  devices: 'Devices',
  policies: 'Custom policies',
  ip_lists: 'User-defined IP lists',
  domain_lists: 'User-defined domain lists',
  threatlists: 'ThreatList settings',
  check_ioc: 'Check IOC',
  logs: 'Log-file status',
}

export const AUTH_KIND_LABELS: Readonly<Record<CustomAuthKind, string>> = {
  bearer: 'Authorization: Bearer header',
  header: 'A header of its own (for example X-API-Key)',
  basic: 'HTTP Basic (username and key)',
}

export const MASKED_SECRET = '••••••••••••'
