import type { ApiDeps } from './deps'
import type { Implementations } from './handle'

/**
 * Backups: listed, previewed and restored while locked too, since a damaged vault cannot be
 * unlocked and that is when a backup is wanted; made on demand only while unlocked (its check
 * needs the vault key).
 */
export function backupsApi({ vault }: ApiDeps): Implementations<'keyhold:backups.list' | 'keyhold:backups.create' | 'keyhold:backups.preview' | 'keyhold:backups.restore'> {
  return {
    'keyhold:backups.list': () => vault.listBackups(),
    'keyhold:backups.create': () => vault.backupNow('manual'),
    'keyhold:backups.preview': ({ backupId, password }) => vault.previewBackup(backupId, password),
    'keyhold:backups.restore': ({ backupId, password }) => vault.restoreBackup(backupId, password),
  }
}
