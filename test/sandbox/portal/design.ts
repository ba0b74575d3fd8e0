import type { SandboxKey } from '../types'

/** A value the portal page is about (Threadeo: the signed-in user's subdomain and API key), from its query. */
export interface PortalContextParam {
  readonly name: string
  readonly label: string
  readonly initial: string
}

/** What the person fills in before pressing the portal's button. */
export interface PortalInput {
  readonly name: string
  readonly label: string
  /** `text`: one line, required; `checkboxes`: one box per option, any number ticked. */
  readonly kind: 'text' | 'checkboxes'
  readonly options?: readonly { readonly value: string; readonly label: string }[]
}

/**
 * A provider's key page, as small as its documents allow: the button that issues a key, the
 * key shown once, and the list to delete keys from. Providers without one have no `/portal`.
 */
export interface PortalDesign {
  /** The page's heading, such as "API Settings". */
  readonly title: string
  /** The provider's own words on the button, such as "Generate Secret Token". */
  readonly button: string
  /** What the provider calls the secret, such as "Secret token". */
  readonly noun: string
  readonly context?: readonly PortalContextParam[]
  readonly inputs?: readonly PortalInput[]
  /** The warning and the toggle to turn before Copy works (Threadeo's overlay); without it, Copy works at once. */
  readonly acknowledge?: { readonly warning: string; readonly toggle: string }
  /** The label of the button that deletes a key in the list. */
  readonly deleteLabel: string
  /** Starts every issued secret, as real providers mark theirs. */
  readonly prefix: string
  /** The key the sandbox stores for a new secret, from what was filled in and the page's context. */
  issue(secret: string, form: URLSearchParams): SandboxKey
}
