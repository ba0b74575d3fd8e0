import { mkdirSync } from 'node:fs'
import type { VaultStatus } from '../shared/dto'
import { createHandlers, type Handlers } from './api/handlers'
import { CoreEvents } from './events'
import { resolveDataDir, vaultPaths, type VaultPaths } from './paths'
import { Vault, type VaultOptions } from './vault/vault'

export interface CoreOptions extends Partial<Omit<VaultOptions, 'paths' | 'onChange' | 'onKeysDamaged'>> {
  /** Overrides KEYHOLD_DATA_DIR and the platform default. */
  readonly dataDir?: string
}

export interface KeyholdCore {
  readonly paths: VaultPaths
  readonly vault: Vault
  readonly events: CoreEvents
  readonly handlers: Handlers
  /** Locks the vault (wiping key material); hosts call it on quit. */
  shutdown(): Promise<VaultStatus>
}

/** The composition root shared by both hosts: one vault, its events and the contract's handlers. */
export function createKeyholdCore(options: CoreOptions = {}): KeyholdCore {
  const { dataDir, ...vaultOptions } = options
  const paths = vaultPaths(resolveDataDir(dataDir))
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 })
  const events = new CoreEvents()
  const vault = new Vault({
    ...vaultOptions,
    paths,
    onChange: (status, reason) =>
      events.emit('keyhold:vault.changed', reason === undefined ? { status } : { status, reason }),
    onKeysDamaged: (ids) => events.emit('keyhold:keys.changed', { ids }),
  })
  return {
    paths,
    vault,
    events,
    handlers: createHandlers(vault, events),
    shutdown: () => vault.lock('quit'),
  }
}
