/**
 * Backups of the vault file (DESIGN.md, "Files in and out"): why each was made, what the window
 * learns of it, and what a preview shows. Dependency-free, like files.ts.
 */

/** Why a backup was made: before an upgrade, the daily one, one the person asked for, the vault as it was before a restore. */
export const BACKUP_REASONS = ['before-upgrade', 'daily', 'manual', 'before-restore'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

/** How many backups are kept, newest first; a setting. */
export const BACKUPS_KEEP = { min: 1, max: 100, default: 10 } as const

/** One backup as the window sees it. Its id is its file name: never a folder. */
export interface BackupInfo {
  readonly backupId: string
  /** When it was made (ms since the epoch). */
  readonly at: number
  readonly reason: BackupReason
  readonly size: number
  /**
   * Checked after writing (SQLite's integrity check and a record decrypted with the vault key).
   * False for a copy of a damaged vault kept aside by a restore, and for a copy made before an
   * upgrade that no unlock has checked with the key yet.
   */
  readonly verified: boolean
  /** A byte copy of a vault SQLite could not read, kept aside by a restore; never offered to restore. */
  readonly damagedCopy: boolean
}

/** The last backup that failed its check after writing (it was removed), for the window to say so. */
export interface BackupFailure {
  readonly at: number
  readonly reason: BackupReason
}

export interface BackupList {
  readonly backups: readonly BackupInfo[]
  readonly lastFailure: BackupFailure | null
}

/** What a backup holds, decrypted in core: the keys' names only, never a value. */
export interface BackupPreview {
  readonly backupId: string
  readonly at: number
  readonly keyCount: number
  /** Names in name order, at most PREVIEW_NAMES_MAX. */
  readonly keyNames: readonly string[]
  /** The newest change to any key, or null for a vault with no keys. */
  readonly newestChange: number | null
}

export const PREVIEW_NAMES_MAX = 200
