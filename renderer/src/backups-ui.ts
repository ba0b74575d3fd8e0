import type { BackupInfo, BackupReason } from '../../electron/shared/backups'

/** Why a backup was made, as the list says it. */
export const BACKUP_REASON_LABELS: Readonly<Record<BackupReason, string>> = {
  'before-upgrade': 'Before an upgrade',
  daily: 'Daily',
  manual: 'Backed up by you',
  'before-restore': 'Before a restore',
}

export const RESTORE_CONFIRM_TITLE = 'Restore this backup?'
export const RESTORE_CONFIRM_TEXT =
  'The vault as it is now is kept as a backup first, so you can go back to it. The vault then locks: unlock it with the master password it had when this backup was made.'
export const RESTORED_NOTICE = 'The backup was restored and the vault locked. Unlock it with the master password it had when the backup was made.'

export function backupSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** What the list says of a backup's check. */
export function checkLabel(b: BackupInfo): string {
  if (b.damagedCopy) return 'Copy of a damaged vault'
  return b.verified ? 'Checked' : 'Not checked yet'
}
