import type { Outcome, OutcomeCounts } from './checks'
import type { CustomAuthKind, ProviderId, ThreatstopService } from './providers'

/** Fields every key has, whatever its provider. */
export interface CommonKeyFields {
  readonly name: string
  readonly account: string
  readonly notes: string
  readonly tags: readonly string[]
  /** ISO date (YYYY-MM-DD) after which the key no longer works, when known. */
  readonly expiresOn: string | null
}

/** Provider-specific details that are not secret. */
export type ProviderDetails =
  | { readonly provider: 'threadeo'; readonly tenant: string; readonly apiKey: string }
  | { readonly provider: 'threatstop'; readonly service: ThreatstopService }
  | { readonly provider: 'spreeflo'; readonly keyName: string }
  | {
      readonly provider: 'custom'
      readonly baseUrl: string
      readonly auth: CustomAuth
    }

export type CustomAuth =
  | { readonly kind: Extract<CustomAuthKind, 'bearer'> }
  | { readonly kind: Extract<CustomAuthKind, 'header'>; readonly headerName: string }
  | { readonly kind: Extract<CustomAuthKind, 'basic'>; readonly username: string }

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

/** Where each provider's API is: settings, so real endpoints and the sandboxes both work. */
export interface ProviderSettings {
  /** Threadeo's address with `{tenant}` where the tenant goes, e.g. https://{tenant}.threadeo.com */
  readonly threadeoBaseUrl: string
  readonly threadeoCheckPath: string
  readonly threatstopBaseUrl: string
  readonly spreefloBaseUrl: string
  readonly spreefloCheckPath: string
  readonly spreefloAuth: SpreefloAuth
}

export type SpreefloAuth = 'bearer' | 'x-api-key' | 'basic'

export interface Settings {
  readonly providers: ProviderSettings
}

/** A record whose encrypted data failed authentication: listed so nothing silently disappears. */
export interface DamagedKey {
  readonly id: string
  readonly damaged: true
}

export type KeyListEntry = (KeySummary & { readonly damaged?: false }) | DamagedKey

/** Everything about one key except its secret. */
export type KeyDetail = KeySummary & CommonKeyFields & { readonly details: ProviderDetails }

/** What the user submits to add a key: common fields, provider details and the secret. */
export type NewKeyInput = Partial<Omit<CommonKeyFields, 'name'>> & {
  readonly name: string
  readonly details: ProviderDetails
  readonly secret: string
  /** Keep a secret with surrounding whitespace or invisible characters exactly as given. */
  readonly keepSecretAsIs?: boolean
  /** Remove the whitespace and invisible characters SECRET_WHITESPACE reported. */
  readonly trimSecret?: boolean
}

export interface KeyUpdateInput {
  readonly id: string
  readonly changes: Partial<CommonKeyFields> & {
    readonly details?: ProviderDetails
    readonly secret?: string
    readonly keepSecretAsIs?: boolean
    readonly trimSecret?: boolean
  }
}

export type VaultState = 'absent' | 'locked' | 'unlocked'

export interface VaultStatus {
  readonly state: VaultState
  /** Seconds the caller must wait before the next unlock attempt is answered. */
  readonly unlockDelaySeconds: number
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
