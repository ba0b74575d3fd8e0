import { PASSWORD_ATTEMPTS_FILE } from '../vault/password-attempts-file'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { VaultPaths } from '../paths'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tighten } from './private-files'

/** Which of Keyhold's places could not be made private; the words a host can log or show. */
export interface PrivacyWarning {
  readonly place: 'data-folder' | 'vault' | 'backups' | 'logs'
  readonly path: string
  readonly message: string
}

const SENTENCES: Readonly<Record<PrivacyWarning['place'], string>> = {
  'data-folder': 'Keyhold could not make its data folder private to your user account, so other people who use this computer may be able to see the files in it.',
  vault: 'Keyhold could not make the vault file private to your user account. It stays encrypted, but other people who use this computer may be able to copy it.',
  backups: 'Keyhold could not make its backups private to your user account. They stay encrypted, but other people who use this computer may be able to copy them.',
  logs: 'Keyhold could not make its diagnostics log private to your user account, so other people who use this computer may be able to read it.',
}

/**
 * At start, narrows to 0700/0600 what earlier versions or other programs left wider: the data
 * folder (Electron makes `userData` 0755 before core starts), the vault and its sidecars, the
 * backups and the logs. Only Keyhold's own names are touched. Whatever keeps a wider mode (a
 * folder owned by someone else, a file system without modes) is reported, never thrown: the vault
 * stays usable and encrypted either way.
 */
export function tightenDataFolder(paths: VaultPaths, logsDir: string, report: (warning: PrivacyWarning) => void): void {
  const warn = (place: PrivacyWarning['place'], path: string) => report({ place, path, message: SENTENCES[place] })
  if (!tighten(paths.dataDir, PRIVATE_DIR_MODE)) warn('data-folder', paths.dataDir)
  // The vault, its SQLite sidecars and its sealed keychain key; the password-attempt count beside it.
  for (const file of [...['', '-wal', '-shm', '-journal', '.keychain'].map((suffix) => paths.vaultFile + suffix), join(paths.dataDir, PASSWORD_ATTEMPTS_FILE)]) {
    if (!tighten(file, PRIVATE_FILE_MODE)) warn('vault', file)
  }
  tightenFolderOfFiles(paths.backupDir, () => warn('backups', paths.backupDir))
  tightenFolderOfFiles(logsDir, () => warn('logs', logsDir))
}

function tightenFolderOfFiles(dir: string, warn: () => void): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    // Not made yet: it is created private when first needed.
    return
  }
  const ok = tighten(dir, PRIVATE_DIR_MODE) && names.every((name) => tighten(join(dir, name), PRIVATE_FILE_MODE))
  if (!ok) warn()
}
