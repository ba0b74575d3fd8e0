import type { ProviderDetailsInput } from '../../shared/dto'
import type { Outcome } from '../../shared/checks'
import type { ProviderDetailsValue } from '../../shared/dto'
import type { ProviderDescriptor } from '../../shared/providers/descriptor'
import type { ProviderSettingValues } from '../../shared/providers/registry'
import type { CheckTarget, Classification, ProviderResponse } from './profile'

/** What a check after a revocation proves. */
export type RevocationVerdict = 'confirmed' | 'still-works' | 'unclear'

/**
 * A provider's code: the check request, how its answers read, and what confirms a revocation.
 * `D` and `S` are its own details and settings; the registry hands it only values its
 * descriptor's schema accepted, so it never narrows a union or throws "not my key".
 */
export interface ProviderCheck<D extends ProviderDetailsValue = ProviderDetailsValue, S extends ProviderSettingValues = ProviderSettingValues> {
  readonly id: string
  request(details: D, secret: string, settings: S): CheckTarget
  classify(response: ProviderResponse, details: D): Classification
  /** The sentence the window shows for an outcome of this key. */
  sentence(outcome: Outcome, details: D): string
  /**
   * What a check made after the person revoked the key proves. `workedBefore`: an earlier check
   * from this vault found it working. Defaults to {@link defaultRevocationVerdict}.
   */
  revocation?(outcome: Outcome, workedBefore: boolean): RevocationVerdict
  /** Why a confirmed revocation is confirmed, when the provider's answer needs explaining. */
  revokedReason?(outcome: Outcome): string | undefined
  /**
   * Whether a key brought from another app (a CSV row, a KeePass entry) is this provider's, from
   * its address or its name, and if so its details. Asked in registration order; the first that
   * answers wins (the Custom REST API, which takes any address, is registered last).
   */
  recogniseImport?(seen: ImportedKey): ProviderDetailsInput | undefined
}

/** What an import knows of a key before it is anyone's: where it is used and what it is called. */
export interface ImportedKey {
  /** The address it came with, when there was one that parses as a web address. */
  readonly url: URL | undefined
  /** Its name and address, lower-cased, for providers recognised by name when there is no address. */
  readonly named: string
  readonly name: string
  readonly username: string | undefined
}

/** A provider as a host registers it: its descriptor (data) and its check (code). */
export interface ProviderPlugin {
  readonly descriptor: ProviderDescriptor
  readonly check: ProviderCheck
}

/** Only a rejection confirms; an answer that still authenticates is a loud "still works". */
export function defaultRevocationVerdict(outcome: Outcome): RevocationVerdict {
  if (outcome === 'invalid' || outcome === 'expired') return 'confirmed'
  if (outcome === 'valid' || outcome === 'limited') return 'still-works'
  return 'unclear'
}

/** Pairs a descriptor with its check, checking they name the same provider. */
export function definePlugin<D extends ProviderDetailsValue, S extends ProviderSettingValues>(
  descriptor: ProviderDescriptor,
  check: ProviderCheck<D, S>,
): ProviderPlugin {
  if (descriptor.id !== check.id) throw new Error(`Descriptor "${descriptor.id}" and check "${check.id}" differ`)
  return { descriptor, check: check as unknown as ProviderCheck }
}
