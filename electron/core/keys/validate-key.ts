import type { z } from 'zod'
import type { ProviderDetailsInput, ProviderDetailsValue } from '../../shared/dto'
import type { ProviderRegistry } from '../../shared/providers/registry'
import { newKeySchema, secretSchema } from '../../shared/schemas/keys'
import { hasStrayWhitespace, withoutStrayWhitespace } from '../../shared/validation/text-rules'
import type { CaptureStore } from '../clipboard/captures'
import { KeyholdError } from '../errors'
import { parseInput } from '../validation/parse'
import type { NewKey } from './key-input'

type SecretChoice = Pick<z.output<typeof newKeySchema>, 'secret' | 'secretCaptureId' | 'keepSecretAsIs' | 'trimSecret'>

/** A provider's details checked by that provider's own fields; errors name `details.<field>`. */
export function parseDetails(registry: ProviderRegistry, details: ProviderDetailsInput): ProviderDetailsValue {
  const labels = (path: readonly string[]) => {
    const [first, ...rest] = path
    if (first !== 'details') return undefined
    const joined = rest.join('.')
    return registry.get(details.provider)?.fields.find((f) => f.path === joined)?.label
  }
  return parseInput(registry.detailsSchema, details, labels, ['details'])
}

/**
 * The secret the person gave — typed, or held in core since "Paste from clipboard" — checked by
 * the same rules either way. Stray whitespace is a question back (SECRET_WHITESPACE) unless they
 * answered it: trim it, or keep the key exactly as given.
 */
export function resolveSecret(choice: SecretChoice, captures?: CaptureStore): { secret: string | undefined; captureId: string | undefined } {
  const captureId = choice.secretCaptureId
  let secret = captureId !== undefined ? parseInput(secretSchema, takeCaptured(captures, captureId)) : choice.secret
  if (secret !== undefined && choice.trimSecret) secret = parseInput(secretSchema, withoutStrayWhitespace(secret))
  if (secret !== undefined && !choice.keepSecretAsIs && hasStrayWhitespace(secret)) throw new KeyholdError('SECRET_WHITESPACE', { field: 'secret' })
  return { secret, captureId }
}


function takeCaptured(captures: CaptureStore | undefined, captureId: string): string {
  if (!captures) throw new KeyholdError('INVALID_INPUT', { field: 'secret', message: 'The pasted key is no longer held. Paste it again.' })
  return captures.take(captureId)
}

/** A new key as the contract parsed it, made whole: details by its provider, the secret resolved. */
export function newKeyFrom(
  input: z.output<typeof newKeySchema>,
  registry: ProviderRegistry,
  captures?: CaptureStore,
): { key: NewKey; captureId: string | undefined } {
  const details = parseDetails(registry, input.details)
  const { secret, captureId } = resolveSecret(input, captures)
  if (secret === undefined) throw new KeyholdError('SECRET_EMPTY', { field: 'secret' })
  return {
    key: { name: input.name, account: input.account ?? '', notes: input.notes ?? '', tags: input.tags ?? [], expiresOn: input.expiresOn ?? null, details, secret },
    captureId,
  }
}

/** Validates a new key from outside (tests, imports): the contract's schema, then `newKeyFrom`. */
export function validateNewKey(input: unknown, registry: ProviderRegistry, captures?: CaptureStore): NewKey {
  return newKeyFrom(parseInput(newKeySchema, input), registry, captures).key
}
