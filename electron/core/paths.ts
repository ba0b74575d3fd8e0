import { homedir } from 'node:os'
import { join } from 'node:path'

export const DATA_DIR_ENV = 'KEYHOLD_DATA_DIR'
export const VAULT_FILE_NAME = 'vault.keyhold'

/**
 * Where the vault lives: an explicit option, then KEYHOLD_DATA_DIR (tests use temporary folders),
 * then the folder Electron calls `userData` for an app named Keyhold, so the desktop app and the
 * web host open the same vault.
 */
export function resolveDataDir(
  option?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (option) return option
  const fromEnv = env[DATA_DIR_ENV]
  if (fromEnv) return fromEnv
  const home = homedir()
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Keyhold')
    case 'win32':
      return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Keyhold')
    default:
      return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Keyhold')
  }
}

export interface VaultPaths {
  readonly dataDir: string
  readonly vaultFile: string
  readonly backupDir: string
}

export function vaultPaths(dataDir: string): VaultPaths {
  return { dataDir, vaultFile: join(dataDir, VAULT_FILE_NAME), backupDir: join(dataDir, 'backups') }
}
