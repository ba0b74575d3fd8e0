/**
 * What Keyhold knows about a provider, as data: its fields, where its portal is, how its keys are
 * made, rotated, revoked and shared, and what its documents warn about. Plain values only (no
 * functions, no schemas), so the same descriptor validates in core, renders in the window and can
 * travel over the contract; `field-schemas.ts` turns field rules into zod schemas for both sides.
 */

/** How a field's value is validated. Each kind has one rule in `field-schemas.ts`. */
export type FieldRule =
  | { readonly kind: 'text'; readonly max?: number }
  /** No whitespace or control characters: API key ids, account ids. */
  | { readonly kind: 'identifier' }
  /**
   * One DNS label (a subdomain), lower case: the only part of a host a user may choose. With
   * `underDomain`, a pasted address on that domain (`https://acme.threadeo.com/settings`) is
   * understood as its subdomain.
   */
  | { readonly kind: 'dnsLabel'; readonly underDomain?: string }
  /** HTTPS, or plain HTTP to this machine; no credentials, query or fragment. */
  | { readonly kind: 'url' }
  /** An HTTP header name that is not a routing or hop-by-hop header. */
  | { readonly kind: 'headerName' }
  | { readonly kind: 'choice'; readonly options: readonly ChoiceOption[] }
  /** A path on an API, starting with `/`. */
  | { readonly kind: 'path' }
  /** A URL with one `{placeholder}` where a key's own value goes (Threadeo's tenant). */
  | { readonly kind: 'urlTemplate'; readonly placeholder: string; readonly fillFrom: string }
  /** Comma-separated CIDR subnets, IPv4 or IPv6. */
  | { readonly kind: 'cidrList' }
  /** Comma-separated web origins, each with its protocol (`https://www.example.com`). */
  | { readonly kind: 'originList' }
  /** HTTP statuses and ranges, comma-separated (`200-299, 304`), each from 100 to 599. */
  | { readonly kind: 'statusRanges' }

export interface ChoiceOption {
  readonly value: string
  readonly label: string
  readonly hint?: string
}

/** A value shown only when another field of the same key has one of these values. */
export interface FieldCondition {
  readonly path: string
  readonly oneOf: readonly string[]
}

export interface FieldDescriptor {
  /** Where the value lives in the key's provider details, dotted for nesting (`auth.headerName`). */
  readonly path: string
  readonly label: string
  readonly hint?: string
  readonly rule: FieldRule
  readonly required: boolean
  readonly when?: FieldCondition
  /** What a new key's form starts with. */
  readonly initial?: string
  /** Not secret, but copyable from the key's page (Threadeo's API key, "like a username"). */
  readonly copyable?: boolean
  /** Searched by the key list's filter. */
  readonly searchable?: boolean
  /** Shown on the key's page under this label (defaults to the field's label). */
  readonly shownAs?: string
}

/** The one secret a key holds, and what the provider calls it. */
export interface SecretDescriptor {
  readonly label: string
  /** "token" or "key", in sentences such as "Copy the secret token". */
  readonly noun: string
  readonly hint?: string
}

/** A setting of the provider's API, with its real default (the sandboxes override it). */
export interface SettingDescriptor {
  readonly name: string
  readonly label: string
  readonly hint: string
  readonly rule: FieldRule
  readonly default: string
  /** The flat name this setting had before settings were nested per provider (migration). */
  readonly legacyName?: string
}

export interface ProviderSettingsDescriptor {
  readonly fields: readonly SettingDescriptor[]
  /** Set while the check request is an assumption not yet confirmed against a real account. */
  readonly unconfirmed?: string
}

/** A portal page, opened in the system browser. `{path}` placeholders are filled from the key's fields. */
export interface PortalLink {
  readonly id: string
  readonly label: string
  readonly url: string
  /** Values for placeholders when the key has none yet (Threadeo's default subdomain is `legal`). */
  readonly defaults?: Readonly<Record<string, string>>
}

export type WarningLevel = 'info' | 'caution' | 'danger'

/** A provider's own warning, in its own words, shown at the step where it matters. */
export interface Warning {
  readonly level: WarningLevel
  readonly title: string
  readonly text: string
}

/** What a step asks of Keyhold, beyond showing its words. */
export type StepAction =
  | 'open-portal'
  | 'enter-fields'
  | 'capture-secret'
  | 'check'
  | 'name'
  | 'confirm-irreversible'
  | 'update-integrations'
  | 'verify-revoked'
  | 'record-share'
  | 'suggest-dedicated-key'

export interface GuideStep {
  readonly id: string
  readonly title: string
  /** Plain-language paragraphs, from the provider's documents. */
  readonly body: readonly string[]
  readonly warnings?: readonly Warning[]
  /** The portal link this step opens. */
  readonly link?: string
  readonly action?: StepAction
  /**
   * The key's values this step asks for, by field path, in order; `expiresOn` is the key's own
   * expiry date. A generate wizard asks for every field that no step names on its naming step.
   */
  readonly fields?: readonly string[]
}

export type GuideKind = 'generate' | 'rotate' | 'revoke' | 'share'

export type Guides = Readonly<Record<GuideKind, readonly GuideStep[]>>

/** Rules the provider sets for its keys, each with its own words. */
export interface Constraints {
  /** At most this many active secrets per value of these fields (Threadeo: two tokens per API key). */
  readonly maxActiveSecrets?: { readonly count: number; readonly per: readonly string[]; readonly text: string }
  /** The secret is shown once, at creation: capture it at once. */
  readonly shownOnce?: string
  /** A plan the account needs before keys work. */
  readonly requiresPlan?: { readonly plan: string; readonly text: string }
  /** Give each integration its own key. */
  readonly onePerIntegration?: string
  /** At most one active key per value of this field; another key with the same value is warned about. */
  readonly onePerValue?: { readonly field: string; readonly text: string }
  /** A revoked key cannot be brought back. */
  readonly revokeIrreversible?: string
  /** Who a key belongs to, when it is not the person. */
  readonly ownedBy?: string
  /** Keys carry per-service permissions (read or write). */
  readonly perServicePermissions?: string
  readonly expiry?: string
  readonly subnets?: string
  readonly corsOrigins?: string
  /** Sharing in the provider's portal, and what unsharing does (and does not) do. */
  readonly providerSharing?: { readonly text: string; readonly unsharingDoesNotInvalidate: string }
  /** Something to know before changing anything (Threadeo's shared accounts). */
  readonly changeCaution?: string
  /** Who to ask for an account or access. */
  readonly support?: string
}

export interface ProviderDescriptor {
  readonly id: string
  readonly label: string
  /** Two or three letters for the provider badge. */
  readonly short: string
  readonly summary: string
  readonly fields: readonly FieldDescriptor[]
  readonly secret: SecretDescriptor
  readonly settings: ProviderSettingsDescriptor
  readonly links: readonly PortalLink[]
  /** Hosts a portal link of this provider may open; every link's host must match one. */
  readonly portalHosts: readonly string[]
  readonly constraints: Constraints
  readonly guides: Guides
}
