import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form'
import { ERROR_MESSAGES, type ErrorCode } from '../../../electron/shared/errors'

/**
 * Zod's words for an issue, replaced by ours before the form sees them: a fragment that follows
 * the field's label ("Base URL is required."), or one of shared's sentences for an
 * issue that carries an error code. Never built from the value, so a secret cannot echo back.
 */
export function issueFragment(issue: { code: string; message?: string; params?: Record<string, unknown> }): string | undefined {
  const code = issue.params?.['keyholdCode']
  if (typeof code === 'string' && Object.hasOwn(ERROR_MESSAGES, code)) return ERROR_MESSAGES[code as ErrorCode]
  switch (issue.code) {
    case 'too_big':
      return 'is too long'
    case 'too_small':
      return 'is required'
    case 'invalid_type':
      return 'is missing or not in the expected form'
    case 'invalid_value':
      return 'is not one of the choices Keyhold knows'
    case 'unrecognized_keys':
      return 'contains fields Keyhold does not know'
    default:
      return 'is not in the expected form'
  }
}

const SENTENCES: ReadonlySet<string> = new Set(Object.values(ERROR_MESSAGES))

/** "Name" + "required" → "Name is required."; whole sentences (shared's, or a rule's own) stay as they are. */
export function sentence(label: string, fragment: string): string {
  if (SENTENCES.has(fragment) || /[.!?]$/.test(fragment)) return fragment
  return `${label} ${fragment === 'required' ? 'is required' : fragment}.`
}

type Labels = (name: string) => string

function relabel(errors: Record<string, unknown>, labels: Labels, prefix: string): void {
  for (const [key, value] of Object.entries(errors)) {
    if (typeof value !== 'object' || value === null) continue
    const name = prefix ? `${prefix}.${key}` : key
    const leaf = value as { message?: unknown; type?: unknown }
    if (typeof leaf.message === 'string' && typeof leaf.type === 'string') leaf.message = sentence(labels(name), leaf.message)
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
