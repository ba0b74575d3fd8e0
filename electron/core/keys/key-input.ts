import type { ProviderDetailsValue } from '../../shared/dto'

/** A key to store: validated, its secret resolved (typed or pasted), its details checked by its provider. */
export interface NewKey {
  readonly name: string
  readonly account: string
  readonly notes: string
  readonly tags: readonly string[]
  readonly expiresOn: string | null
  readonly details: ProviderDetailsValue
  readonly secret: string
}

export interface KeyUpdate {
  readonly id: string
  readonly changes: Partial<Omit<NewKey, 'secret'>> & { readonly secret?: string | undefined }
}
