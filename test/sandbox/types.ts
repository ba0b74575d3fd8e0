import type { BuiltInProviderId as ProviderId } from '../../electron/shared/providers'

export type { ProviderId }

export type KeyState = 'active' | 'revoked' | 'expired'

/** A credential a sandbox accepts, and everything about its account that changes the answer. */
export interface SandboxKey {
  /** The credential the sandbox accepts (Threadeo: the secret token). */
  secret: string
  /** Default `active`. */
  state?: KeyState
  /** ThreatSTOP: the services (THREATSTOP_SERVICES slugs) this key can read; unset means all. Custom: `[]` means "authenticates, not allowed". */
  services?: string[]
  /** ThreatSTOP: restricted to a network the caller is not on (401, error_code 11001). */
  wrongNetwork?: boolean
  /** ThreatSTOP: the account lacks the API feature (403, error_code 24000). */
  featureDisabled?: boolean
  /** Spreeflo: the account's plan; anything but `professional` answers 402. Default `professional`. */
  plan?: 'professional' | 'basic'
  /** Threadeo: the API key ("like a username") this secret token belongs to. Required for Threadeo. */
  apiKey?: string
  /** Threadeo: API access is not enabled for this user (403). */
  apiAccessDisabled?: boolean
  /** Threadeo: the tenant (subdomain) the user belongs to. Default `legal`, the seed's default subdomain. */
  tenant?: string
}

export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'garbage' }
  /** A 5 MiB JSON body; `status` (default 200) so an error status can come with a body too large to read. */
  | { kind: 'huge'; status?: number }
  | { kind: 'redirect' }
  | { kind: 'html200' }

export interface FaultRule {
  fault: Fault
  /** How many requests the rule applies to; unset means until the rules are replaced. */
  times?: number
  /** Count `times` per distinct credential, e.g. "each key's first request answers 429". */
  perKey?: boolean
  /** Only requests carrying this secret (Bearer, X-API-Key or the Basic password): "this one key's answer is hostile". */
  secret?: string
}

export interface ReceivedCredential {
  at: number
  /** Which server it reached; `catcher` for the redirect target. */
  provider: string
  /** The Host header as sent. */
  host: string
  /** Path and query as sent. */
  path: string
  authorization?: string
  /** Every request header, names lower-cased: a superset of the credential-bearing ones, so a leak in any header shows. */
  headers: Record<string, string>
}

export interface Sandbox {
  /** A built-in provider's id, or a test-only provider's. */
  readonly provider: string
  /** The base URL to configure in Keyhold (ThreatSTOP: `…/v4.0`; Threadeo: the root, tenants under `/t/{tenant}`). */
  readonly url: string
  /** The provider's key page (`GET` it in a browser), where a key is issued and shown once; undefined without one. */
  readonly portalUrl: string | undefined
  addKey(key: SandboxKey): void
  revoke(secret: string): void
  expire(secret: string): void
  /** Replaces all rules; `[]` clears. */
  setFaults(rules: FaultRule[]): void
  /** Every provider request (not control-API ones), in arrival order. */
  readonly received: ReceivedCredential[]
  requestCount(): number
  /** Resolves once at least `count` provider requests have arrived: lets a test wait on the server instead of sleeping. */
  waitForRequests(count: number): Promise<void>
  /** Stops listening and ends every open connection, hung ones included. */
  close(): Promise<void>
}

export interface Catcher {
  readonly url: string
  readonly received: ReceivedCredential[]
  close(): Promise<void>
}
