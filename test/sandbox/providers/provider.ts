import type { IncomingMessage } from 'node:http'
import type { Reply } from '../http-util'
import type { KeyBook, KeyRules } from '../key-book'
import type { PortalDesign } from '../portal/design'

export interface ProviderRequest {
  readonly req: IncomingMessage
  /** The request URL, resolved against the sandbox origin. */
  readonly url: URL
  readonly requestId: string
  readonly keys: KeyBook
  /** The sandbox's base URL (what Keyhold is configured with), for links in bodies. */
  readonly baseUrl: string
}

/** One provider's API: where it lives, the keys it accepts, and how it answers. */
export interface ProviderBehaviour extends KeyRules {
  readonly id: string
  /** Path prefix of the API on the sandbox origin; the sandbox URL is origin + basePath. */
  readonly basePath: string
  answer(request: ProviderRequest): Reply
  /** The body this provider sends with an error status when a fault gives none. */
  errorBody(status: number, requestId: string): unknown
  /** Its key page at `/portal` (a key issued there is shown once); a provider without one has none. */
  readonly portal?: PortalDesign
}
