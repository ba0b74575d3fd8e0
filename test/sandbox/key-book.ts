import { SandboxInputError, SandboxRuleError, SandboxUnknownKeyError } from './errors'
import { sandboxKeySchema } from './schemas'
import type { KeyState, SandboxKey } from './types'

export type StoredKey = Readonly<SandboxKey & { state: KeyState }>

/** What a provider adds to the generic key store: which fields mean something to it, and its own rules. */
export interface KeyRules {
  readonly fields: readonly (keyof SandboxKey)[]
  /** Throws SandboxRuleError when the provider would refuse this key. */
  checkAdd?(key: StoredKey, previous: StoredKey | undefined, book: KeyBook): void
}

const COMMON_FIELDS: readonly (keyof SandboxKey)[] = ['secret', 'state']

export class KeyBook {
  readonly #keys = new Map<string, StoredKey>()
  readonly #rules: KeyRules

  constructor(rules: KeyRules) {
    this.#rules = rules
  }

  /** Adds a key, or replaces the one with the same secret. */
  add(input: SandboxKey): void {
    const parsed = sandboxKeySchema.parse(input)
    // A field another provider understands would be silently ignored here: refuse it so a test
    // that sets `plan` on a ThreatSTOP key learns its mistake instead of passing for the wrong reason.
    for (const field of Object.keys(parsed) as (keyof SandboxKey)[]) {
      if (!COMMON_FIELDS.includes(field) && !this.#rules.fields.includes(field)) {
        throw new SandboxInputError(`"${field}" means nothing to this sandbox's provider`)
      }
    }
    const key: StoredKey = { ...parsed, state: parsed.state ?? 'active' }
    this.#rules.checkAdd?.(key, this.#keys.get(key.secret), this)
    this.#keys.set(key.secret, key)
  }

  revoke(secret: string): void {
    this.#set(secret, 'revoked')
  }

  expire(secret: string): void {
    const key = this.#known(secret)
    // Deleted is final on every provider: a revoked key cannot come back by expiring.
    if (key.state === 'revoked') throw new SandboxRuleError('a revoked key cannot expire')
    this.#set(secret, 'expired')
  }

  get(secret: string): StoredKey | undefined {
    return this.#keys.get(secret)
  }

  all(): StoredKey[] {
    return [...this.#keys.values()]
  }

  #known(secret: string): StoredKey {
    const key = this.#keys.get(secret)
    if (key === undefined) throw new SandboxUnknownKeyError('no such key in this sandbox')
    return key
  }

  #set(secret: string, state: KeyState): void {
    this.#keys.set(secret, { ...this.#known(secret), state })
  }
}
