import type { Outcome, OutcomeCounts } from './checks'
import type { Warning } from './providers/descriptor'
import type { ProviderSettingsValues } from './providers/registry'
import type { ShareRecord } from './shares'
import type { ProviderDetailsValue } from './validation/field-schemas'

export type { DetailValue, ProviderDetailsValue } from './validation/field-schemas'

/** A registered provider's id: the built-in ones, or one a host registers (a test build does). */
export type ProviderId = string

/** Fields every key has, whatever its provider. */
export interface CommonKeyFields {
  readonly name: string
  readonly account: string
  readonly notes: string
  readonly tags: readonly string[]
  /** ISO date (YYYY-MM-DD) after which the key no longer works, when known. */
  readonly expiresOn: string | null
}

/** Provider-specific details that are not secret: the provider's id and its fields' values. */
export type ProviderDetails = ProviderDetailsValue

/** Details as the window sends them: the provider registry in core checks each field. */
export interface ProviderDetailsInput {
  readonly provider: string
  readonly [field: string]: unknown
}

/** One row of the key list. Never carries a secret. */
export interface KeySummary {
  readonly id: string
  readonly provider: ProviderId
  readonly name: string
  readonly account: string
  readonly tags: readonly string[]
  readonly expiresOn: string | null
  readonly hasSecret: boolean
  readonly createdAt: number
  readonly updatedAt: number
  /** The latest check, if the key was ever checked. */
  readonly lastCheck: LastCheck | null
  /** When a check verified the key revoked (its secret was then wiped); null while it is in use. */
  readonly revokedAt: number | null
  /**
   * Someone else may hold it: shared at the provider (`shared`), or shared and since unshared,
   * which does not cut them off (`was-shared`). Absent for a key never shared, and once revoked.
   */
  readonly sharing?: 'shared' | 'was-shared'
}

export interface LastCheck {
  readonly outcome: Outcome
  readonly at: number
  readonly sentence: string
}

/** One stored check: when, what it found, and what the provider said — never the credential. */
export interface CheckRecord extends LastCheck {
  readonly id: string
  readonly keyId: string
  readonly httpStatus: number | null
  readonly latencyMs: number | null
  readonly requestId: string | null
  /** The provider's own error code or message, or what went wrong on the way. */
  readonly detail: string | null
}

export type RevocationVerdict = 'confirmed' | 'still-works' | 'unclear'

/** What "verify revoked" found: the check it ran, and on `confirmed` when the key was archived. */
export interface RevocationResult {
  readonly verdict: RevocationVerdict
  readonly check: CheckRecord
  readonly revokedAt: number | null
  readonly sentence: string
}

/** A check of a key not saved yet: what the provider answered, nothing stored. */
export interface ProbeResult {
  readonly outcome: Outcome
  readonly sentence: string
  readonly httpStatus: number | null
  readonly detail: string | null
}

/** A key as another key's rule names it (by name, never a value). */
export interface KeyRef {
  readonly id: string
  readonly name: string
}

/**
 * What the provider's rules say about adding a key with these details: how many of its active
 * secrets Keyhold already holds (Threadeo: two per API key), and which keys already serve the
 * same integration (Spreeflo: one key per integration). Null where the provider has no such rule.
 */
export interface KeyLimits {
  readonly activeSecrets: { readonly max: number; readonly keys: readonly KeyRef[]; readonly text: string } | null
  readonly sameValue: { readonly field: string; readonly keys: readonly KeyRef[]; readonly text: string } | null
}

/** The secret, typed or held in core under a capture id, as a new key or a rotation gives it. */
export interface SecretInput {
  /** The secret as typed; or leave it out and give `secretCaptureId` from "Paste from clipboard". */
  readonly secret?: string | undefined
  readonly secretCaptureId?: string | undefined
  /** Keep a secret with surrounding whitespace or invisible characters exactly as given. */
  readonly keepSecretAsIs?: boolean | undefined
  /** Remove the whitespace and invisible characters SECRET_WHITESPACE reported. */
  readonly trimSecret?: boolean | undefined
}

/** A key not saved yet, to check before it is named. */
export interface ProbeInput extends SecretInput {
  readonly details: ProviderDetailsInput
}

/** The new key of a rotation: the old key's details and name, with the new secret. */
export interface RotateInput extends SecretInput {
  readonly id: string
}

export interface CheckRunProgress {
  readonly runId: string
  readonly done: number
  readonly total: number
  readonly counts: OutcomeCounts
}

export interface CheckRunFinished extends CheckRunProgress {
  readonly cancelled: boolean
  /** "12 work, 2 rejected, 1 could not be checked". */
  readonly summary: string
}

/** Where each provider's API is, per provider id and setting name: real endpoints or the sandboxes. */
export type ProviderSettings = ProviderSettingsValues

export interface ClipboardSettings {
  /** Seconds before a copied key is cleared from the clipboard: 10 to 300, default 30. */
  readonly clearAfterSeconds: number
}

export interface ReminderSettings {
  /** Days before its expiry date that a key is flagged and summarised after unlock: 1 to 90, default 14. */
  readonly warnDays: number
}

export interface BackupSettings {
  /** How many backups of the vault are kept, the newest: 1 to 100, default 10. */
  readonly keep: number
}

export interface Settings {
  readonly providers: ProviderSettings
  readonly clipboard: ClipboardSettings
  readonly reminders: ReminderSettings
  readonly backups: BackupSettings
}

/** A key whose expiry date has passed or is near; never carries a secret. */
export interface ExpiryItem {
  readonly id: string
  readonly name: string
  readonly provider: ProviderId
  readonly expiresOn: string
  /** Whole days from today to the expiry date; negative once past. */
  readonly daysLeft: number
}

/** What needs attention for expiry, computed without asking any provider. */
export interface ExpiryReport {
  /** Today's date (YYYY-MM-DD, UTC) the report was made for. */
  readonly today: string
  readonly warnDays: number
  readonly expired: readonly ExpiryItem[]
  readonly expiring: readonly ExpiryItem[]
}

/** Which value of a key to copy or reveal: `secret`, or the path of a field its provider marks copyable. */
export type KeyField = string

export interface CopyResult {
  readonly keyId: string
  readonly field: KeyField
  readonly clearAfterSeconds: number
  /** Whether the clipboard was told to keep it out of clipboard-manager history. */
  readonly concealed: boolean
}

/** The one answer that carries a secret: shown for `hideAfterSeconds`, then masked again. */
export interface RevealResult {
  readonly keyId: string
  readonly field: KeyField
  readonly value: string
  readonly hideAfterSeconds: number
}

/** What "Paste from clipboard" found, without the value: it stays in core until the key is saved. */
export interface CaptureResult {
  readonly captureId: string
  readonly length: number
  /** Whitespace at either end (often a copy accident). */
  readonly edgeWhitespace: boolean
  /** Zero-width or byte-order characters anywhere. */
  readonly invisibleCharacters: boolean
  readonly controlCharacters: boolean
  readonly tooLong: boolean
}

export type ClipboardState =
  | { readonly state: 'holding'; readonly keyId: string; readonly field: KeyField; readonly clearAfterSeconds: number }
  | { readonly state: 'cleared'; readonly reason: 'timeout' | 'lock' | 'quit' | 'replaced' }

/** A record whose encrypted data failed authentication: listed so nothing silently disappears. */
export interface DamagedKey {
  readonly id: string
  readonly damaged: true
}

export type KeyListEntry = (KeySummary & { readonly damaged?: false }) | DamagedKey

/** Everything about one key except its secret. */
export type KeyDetail = KeySummary &
  CommonKeyFields & {
    readonly details: ProviderDetails
    /** Shares recorded at the provider, oldest first (empty for most keys). */
    readonly shares: readonly ShareRecord[]
  }

/** A share or unshare just recorded, with the provider's warnings to show at that moment. */
export interface ShareRecorded {
  readonly key: KeyDetail
  readonly share: ShareRecord
  readonly warnings: readonly Warning[]
}

/** What the user submits to add a key: common fields, provider details and the secret. */
export type NewKeyInput = {
  readonly name: string
  readonly account?: string | undefined
  readonly notes?: string | undefined
  readonly tags?: readonly string[] | undefined
  readonly expiresOn?: string | null | undefined
  readonly details: ProviderDetailsInput
} & SecretInput

export interface KeyUpdateInput {
  readonly id: string
  readonly changes: {
    readonly name?: string | undefined
    readonly account?: string | undefined
    readonly notes?: string | undefined
    readonly tags?: readonly string[] | undefined
    readonly expiresOn?: string | null | undefined
    readonly details?: ProviderDetailsInput | undefined
    readonly secret?: string | undefined
    readonly secretCaptureId?: string | undefined
    readonly keepSecretAsIs?: boolean | undefined
    readonly trimSecret?: boolean | undefined
  }
}

/**
 * `unfinished`: a create was stopped before the vault was finished; what it left holds no key, and
 * a new vault replaces it only when the person agrees (`replaceUnfinished`).
 */
export type VaultState = 'absent' | 'unfinished' | 'locked' | 'unlocked'

export interface VaultStatus {
  readonly state: VaultState
  /**
   * Unlocked from a disk Keyhold cannot write to (full or read-only): keys can be looked up, and
   * anything that must be recorded or saved — a change, a copy, a reveal — says why it cannot.
   */
  readonly readOnly?: true
}

/** Keychain unlock for this vault: whether the OS keychain answers here and whether the option is on. */
export interface KeychainStatus {
  readonly available: boolean
  /** Why the option cannot be used here, in one sentence; null when available. */
  readonly reason: string | null
  readonly enabled: boolean
}

export interface PasswordAssessment {
  /** 0 (very guessable) to 4 (very unguessable), zxcvbn's scale. */
  readonly score: 0 | 1 | 2 | 3 | 4
  readonly acceptable: boolean
  /** Why it is refused, in one sentence; empty when acceptable. */
  readonly reason: string
  readonly suggestions: readonly string[]
}

export type LockReason = 'user' | 'idle' | 'suspend' | 'screen-lock' | 'quit'
