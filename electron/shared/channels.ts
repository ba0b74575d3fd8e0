/**
 * Every channel name, once. Dependency-free on purpose: the sandboxed preload imports this file
 * to build its allowlist, and a sandboxed preload cannot load anything else.
 */
export const METHOD_CHANNELS = [
  'keyhold:vault.status',
  'keyhold:vault.assessPassword',
  'keyhold:vault.create',
  'keyhold:vault.unlock',
  'keyhold:vault.lock',
  'keyhold:vault.changePassword',
  'keyhold:keys.list',
  'keyhold:keys.search',
  'keyhold:keys.get',
  'keyhold:keys.add',
  'keyhold:keys.update',
  'keyhold:keys.delete',
  'keyhold:keys.check',
  'keyhold:keys.history',
  'keyhold:checks.start',
  'keyhold:checks.cancel',
  'keyhold:keys.copy',
  'keyhold:keys.reveal',
  'keyhold:clipboard.capture',
  'keyhold:clipboard.discard',
  'keyhold:providers.list',
  'keyhold:settings.get',
  'keyhold:settings.update',
  'keyhold:keys.expiry',
  'keyhold:keys.verifyRevoked',
  'keyhold:activity.list',
  'keyhold:keys.probe',
  'keyhold:keys.limits',
  'keyhold:keys.rotate',
  'keyhold:vault.keychainStatus',
  'keyhold:vault.setKeychainUnlock',
  'keyhold:vault.unlockWithKeychain',
  'keyhold:files.choose',
  'keyhold:files.save',
  'keyhold:backups.list',
  'keyhold:backups.create',
  'keyhold:backups.preview',
  'keyhold:backups.restore',
] as const

export const EVENT_CHANNELS = [
  'keyhold:vault.changed',
  'keyhold:keys.changed',
  'keyhold:checks.progress',
  'keyhold:checks.finished',
  'keyhold:clipboard.changed',
  'keyhold:keys.expiring',
] as const

export type MethodChannel = (typeof METHOD_CHANNELS)[number]
export type EventChannel = (typeof EVENT_CHANNELS)[number]
