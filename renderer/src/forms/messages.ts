import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form'
import { ERROR_MESSAGES, type ErrorCode } from '../../../electron/shared/errors'

/**
 * Zod's words for an issue, replaced by ours (the same core gives, so the window and core say the
 * same about the same mistake): a fragment that follows the field's label ("Name is required."),
 * or one of shared's sentences for an issue that carries an error code. Never built from the
 * value, so a secret cannot echo back.
 */
export function issueFragment(issue: { code: string; message?: string; params?: Record<string, unknown> }): string | undefined {
  const code = issue.params?.['keyholdCode']
  if (typeof code === 'string' && Object.hasOwn(ERROR_MESSAGES, code)) return ERROR_MESSAGES[code as ErrorCode]
  return undefined
}

const BY_CODE: Readonly<Record<string, string>> = {
  too_big: 'is too long',
  too_small: 'is required',
  invalid_type: 'is missing or not in the expected form',
  invalid_value: 'is not one of the choices Keyhold knows',
  invalid_union: 'is not one of the choices Keyhold knows',
  invalid_format: 'is not in the expected form',
  unrecognized_keys: 'contains fields Keyhold does not know',
}

const SENTENCES: ReadonlySet<string> = new Set(Object.values(ERROR_MESSAGES))

/**
 * "Name" + a required issue → "Name is required."; whole sentences (shared's, or a rule's own
 * ending in a full stop) stay as they are; a rule's own fragment ("must be an https:// address")
 * follows the label.
 */
export function sentence(label: string, type: string, message: string): string {
  if (SENTENCES.has(message) || /[.!?]$/.test(message)) return message
  const fragment = message === 'required' ? 'is required' : (BY_CODE[type] ?? (/^[a-z]/.test(message) ? message : 'is not in the expected form'))
  return `${label} ${fragment}.`
}

type Labels = (name: string) => string

function relabel(errors: Record<string, unknown>, labels: Labels, prefix: string): void {
  for (const [key, value] of Object.entries(errors)) {
    if (typeof value !== 'object' || value === null) continue
    const name = prefix ? `${prefix}.${key}` : key
    const leaf = value as { message?: unknown; type?: unknown }
    if (typeof leaf.message === 'string' && typeof leaf.type === 'string') leaf.message = sentence(labels(name), leaf.type, leaf.message)
    else relabel(value as Record<string, unknown>, labels, name)
  }
}

/** Wraps a resolver so every error reads as a sentence naming its field's label. */
export function labelled<V extends FieldValues, C, O>(resolver: Resolver<V, C, O>, labels: Labels): Resolver<V, C, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options)
    relabel(result.errors as FieldErrors as Record<string, unknown>, labels, '')
    return result
  }
}

/** Per-parse error map: our fragment where a schema gave no message of its own. */
export const schemaOptions = { error: (issue: { code: string; message?: string; params?: Record<string, unknown> }) => issueFragment(issue) }
