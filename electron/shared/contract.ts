import type { ActivityItem, ActivityKind } from './activity'
import type { EventChannel, MethodChannel } from './channels'
import type {
  CaptureResult,
  CheckRecord,
  ClipboardSettings,
  ClipboardState,
  CopyResult,
  ExpiryReport,
  KeyField,
  RevealResult,
  ShareRecorded,
  CheckRunFinished,
  CheckRunProgress,
  KeyDetail,
  KeyLimits,
  KeyListEntry,
  KeychainStatus,
  KeyUpdateInput,
  LockReason,
  NewKeyInput,
  PasswordAssessment,
  ProbeInput,
  ProbeResult,
  ProviderDetailsInput,
  RevocationResult,
  RotateInput,
  Settings,
  VaultStatus,
} from './dto'
import type { BackupInfo, BackupList, BackupPreview } from './backups'
import type { FilePurpose, FileRef } from './files'
import type { CsvColumns, ImportPreview, ImportResult } from './transfer'
import type { ProviderDescriptor } from './providers/descriptor'
import type { Result } from './result'
import type { ShareAccepted, ShareMade, ShareOpened, SharingCode } from './sharing'

/**
 * The API contract: each method's input and output, keyed by channel. Each input's zod schema is
 * in `method-schemas.ts`, tied to these types so that neither can gain a field the other lacks.
 */
export interface Methods {
  'keyhold:vault.status': { input: undefined; output: VaultStatus }
  'keyhold:vault.assessPassword': { input: { password: string }; output: PasswordAssessment }
  'keyhold:vault.create': { input: { password: string; replaceUnfinished?: boolean | undefined }; output: VaultStatus }
  'keyhold:vault.unlock': { input: { password: string }; output: VaultStatus }
  'keyhold:vault.lock': { input: undefined; output: VaultStatus }
  'keyhold:vault.changePassword': {
    input: { currentPassword: string; newPassword: string }
    output: VaultStatus
  }
  /** Whether this vault can be, and is, unlocked with the OS keychain; answers while locked. */
  'keyhold:vault.keychainStatus': { input: undefined; output: KeychainStatus }
  /** Turning on needs the master password; turning off deletes the keychain entry. No key crosses. */
  'keyhold:vault.setKeychainUnlock': { input: { enabled: true; password: string } | { enabled: false }; output: KeychainStatus }
  /** Unlocks with the key kept in the OS keychain, read in core only. */
  'keyhold:vault.unlockWithKeychain': { input: undefined; output: VaultStatus }
  'keyhold:keys.list': { input: undefined; output: readonly KeyListEntry[] }
  /** Ids of the matching keys, in list order: the window already holds the entries. */
  'keyhold:keys.search': { input: { query: string }; output: { ids: readonly string[] } }
  'keyhold:keys.get': { input: { id: string }; output: KeyDetail }
  'keyhold:keys.add': { input: NewKeyInput; output: KeyDetail }
  'keyhold:keys.update': { input: KeyUpdateInput; output: KeyDetail }
  'keyhold:keys.delete': { input: { id: string }; output: { id: string } }
  /** Checks one key now (or, past its expiry date, without a network call). */
  'keyhold:keys.check': { input: { id: string }; output: CheckRecord }
  /** The key's checks, newest first. */
  'keyhold:keys.history': { input: { id: string }; output: readonly CheckRecord[] }
  /** Checks every key, or the given ones; progress and the end arrive as events. */
  'keyhold:checks.start': { input: { ids?: readonly string[] | undefined } | undefined; output: { runId: string; total: number } }
  'keyhold:checks.cancel': { input: { runId: string }; output: { cancelled: boolean } }
  /** Copies a key's value to the system clipboard in core; the answer carries no secret. */
  'keyhold:keys.copy': { input: { id: string; field: KeyField }; output: CopyResult }
  /** Shows a key's value for a while; logged. The only answer that carries a secret. */
  'keyhold:keys.reveal': { input: { id: string; field: KeyField }; output: RevealResult }
  /** Reads the clipboard in core and holds the value for the key being added, then clears it. */
  'keyhold:clipboard.capture': { input: undefined; output: CaptureResult }
  /** Forgets a pasted value the person chose not to save (it is otherwise kept until saved or the vault locks). */
  'keyhold:clipboard.discard': { input: { captureId: string }; output: { discarded: boolean } }
  /** The registered providers' descriptors: what the window renders forms and guides from. */
  'keyhold:providers.list': { input: undefined; output: readonly ProviderDescriptor[] }
  'keyhold:settings.get': { input: undefined; output: Settings }
  'keyhold:settings.update': {
    input: {
      providers?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined
      clipboard?: Partial<ClipboardSettings> | undefined
      reminders?: { warnDays?: number | undefined } | undefined
      backups?: { keep?: number | undefined } | undefined
    }
    output: Settings
  }
  /** Which keys have expired or expire within the reminder window; no provider is asked. */
  'keyhold:keys.expiry': { input: undefined; output: ExpiryReport }
  /** Checks a key the person revoked at the provider; on a confirmed rejection wipes its secret and archives it. */
  'keyhold:keys.verifyRevoked': { input: { id: string }; output: RevocationResult }
  /** Checks a key before it is saved (the add wizard): nothing stored. */
  'keyhold:keys.probe': { input: ProbeInput; output: ProbeResult }
  /** The provider's limits for a key with these details: active secrets held, keys serving the same integration. */
  'keyhold:keys.limits': { input: { details: ProviderDetailsInput; excludeId?: string | undefined }; output: KeyLimits }
  /** Adds the new key of a rotation in the old one's place; the old one stays until its revocation is verified. */
  'keyhold:keys.rotate': { input: RotateInput; output: KeyDetail }
  /** The activity log, newest first: a key's timeline (`keyId`) or the vault's; never a value. */
  'keyhold:activity.list': {
    input: { keyId?: string | undefined; kinds?: readonly ActivityKind[] | undefined; limit?: number | undefined; before?: number | undefined }
    output: readonly ActivityItem[]
  }
  /**
   * Asks the person for a file to open (the desktop host's dialog; the web window's own file
   * picker and upload route answer it there). Null when they cancel. The file is held in core
   * for one use by the method it was chosen for; its folder is never learnt.
   */
  'keyhold:files.choose': { input: { purpose: FilePurpose }; output: FileRef | null }
  /** Hands a file core made (a share file, an export) to the person to save; it can be saved once. */
  'keyhold:files.save': { input: { fileId: string }; output: { saved: boolean } }
  /** This vault's sharing code (made on first use) and its fingerprint, to hand out and compare aloud. */
  'keyhold:share.code': { input: undefined; output: SharingCode }
  /**
   * An age-encrypted share file of one key, for one recipient: their sharing code, or a passphrase
   * Keyhold generates and answers this once. The file waits in core to be saved (files.save).
   */
  'keyhold:share.makeFile': { input: { id: string; to: { code: string } | { passphrase: true } }; output: ShareMade }
  /** Opens a chosen share file: what it holds (never the secret), or that it needs its passphrase. */
  'keyhold:share.open': { input: { fileId: string; passphrase?: string | undefined }; output: ShareOpened }
  /** Adds the opened share's key (or answers the key already in the vault with the same provider and secret). */
  'keyhold:share.accept': { input: { previewId: string; name?: string | undefined }; output: ShareAccepted }
  /** Records that the key was shared in the provider's portal (ThreatSTOP's Share Key), with whom. */
  'keyhold:keys.recordShare': { input: { id: string; with: string }; output: ShareRecorded }
  /** Records that a share ended at the provider; the key still works until it is revoked. */
  'keyhold:keys.recordUnshare': { input: { id: string; shareId: string }; output: ShareRecorded }
  /** Reads a chosen file (a Keyhold export, KeePass, Bitwarden JSON, `.env`, CSV) and says what importing it would do; nothing is written. */
  'keyhold:import.preview': { input: { fileId: string; passphrase?: string; columns?: CsvColumns }; output: ImportPreview }
  /** Imports what a preview showed, in one transaction. */
  'keyhold:import.apply': { input: { previewId: string }; output: ImportResult }
  /** Every key that is not revoked, in an age file protected by a passphrase, for the window to save. */
  'keyhold:vault.export': { input: { passphrase: string }; output: FileRef }
  /** The vault's backups, newest first, and the last one that failed its check; answers while locked (the damaged screen lists them). */
  'keyhold:backups.list': { input: undefined; output: BackupList }
  /** "Back up now": a backup checked with the vault key before it is kept. */
  'keyhold:backups.create': { input: undefined; output: BackupInfo }
  /** What a backup holds (key names, count, newest change). Locked or damaged: with the master password of the backup. */
  'keyhold:backups.preview': { input: { backupId: string; password?: string | undefined }; output: BackupPreview }
  /** Replaces the vault with a backup, after keeping the current vault as a backup; the vault ends locked. */
  'keyhold:backups.restore': { input: { backupId: string; password?: string | undefined }; output: VaultStatus }
}

export interface Events {
  'keyhold:vault.changed': { status: VaultStatus; reason?: LockReason }
  'keyhold:keys.changed': { ids: readonly string[] }
  'keyhold:checks.progress': CheckRunProgress
  'keyhold:checks.finished': CheckRunFinished
  'keyhold:clipboard.changed': ClipboardState
  /** After every unlock: the keys that have expired or expire soon (DESIGN.md, "Expiry"). */
  'keyhold:keys.expiring': ExpiryReport
}

export type MethodInput<C extends MethodChannel> = Methods[C]['input']
export type MethodOutput<C extends MethodChannel> = Methods[C]['output']
export type EventPayload<E extends EventChannel> = Events[E]

/** What `window.keyhold` offers: invoke a named method, subscribe to a named event. */
export interface KeyholdBridge {
  invoke<C extends MethodChannel>(
    channel: C,
    ...input: MethodInput<C> extends undefined ? [] : [MethodInput<C>]
  ): Promise<Result<MethodOutput<C>>>
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

// Compile-time check that the channel list and the contract name the same methods and events.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const contractMatchesChannels: Exact<keyof Methods, MethodChannel> &
  Exact<keyof Events, EventChannel> = true
