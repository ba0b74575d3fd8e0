import type { z } from 'zod'
import { ERROR_CODES, type ErrorCode } from '../../shared/errors'
import { KeyholdError } from '../errors'

/** Labels of the contract's own fields; a provider's fields are labelled by its descriptor. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  account: 'Account',
  notes: 'Notes',
  tags: 'Tags',
  expiresOn: 'Expiry date',
  provider: 'Provider',
  secret: 'Key',
  secretCaptureId: 'Pasted key',
  field: 'Field',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  query: 'Search',
  id: 'Key',
  ids: 'Keys',
  runId: 'Check run',
  clearAfterSeconds: 'Clipboard clearing time',
  warnDays: 'Days of warning before a key expires',
}

/** Finds the label for an issue's path: the dotted path first (a provider field), then its leaf. */
export type FieldLabels = (path: readonly string[]) => string | undefined

/**
 * Messages our own field rules give (field-schemas.ts): written by us, never from the value, so
 * they may be shown. Anything else zod says is replaced by a sentence of ours.
 */
const OWN_MESSAGES = new Set([
  'has spaces or invisible characters',
  'is not a subdomain: use letters, digits and hyphens',
  'must be an https:// address',
  'is a header Keyhold cannot send a key in',
  'is not one of the choices Keyhold knows',
  'must be a path starting with /',
  'must be subnets such as 203.0.113.0/24 or 2001:db8::/32, separated by commas',
  'must be statuses or ranges from 100 to 599, such as 200-299, 304',
])

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return 'is too long'
    case 'too_small':
      return 'is required'
    case 'invalid_type':
      return 'is missing or not in the expected form'
    case 'invalid_value':
    case 'invalid_union':
      return 'is not one of the choices Keyhold knows'
    case 'invalid_format':
      return 'is not in the expected form'
    case 'unrecognized_keys':
      return 'contains fields Keyhold does not know'
    default:
      return issue.message === 'required' ? 'is required' : OWN_MESSAGES.has(issue.message) || issue.message.startsWith('must be an https:// address containing {') ? issue.message : 'is not in the expected form'
  }
}

/**
 * Parses input at the boundary. Messages are built from our own field labels, never from zod's
 * text or the input itself, so a rejected secret cannot travel back inside an error.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels?: FieldLabels, prefix: readonly string[] = []): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = result.error.issues
  const codedIssue = issues.find((i) => codeOf(i) !== undefined)
  const issue = codedIssue ?? issues[0]
  const path = [...prefix, ...(issue?.path.filter((p): p is string => typeof p === 'string') ?? [])]
  const field = path.length > 0 ? path.join('.') : undefined
  const code = issue ? codeOf(issue) : undefined
  if (code) throw new KeyholdError(code, field === undefined ? {} : { field })
  const leaf = path.at(-1)
  const label = labels?.(path) ?? (leaf && Object.hasOwn(FIELD_LABELS, leaf) ? FIELD_LABELS[leaf] : undefined) ?? 'A field'
  const message = `${label} ${issue ? describe(issue) : 'is not in the expected form'}.`
  throw new KeyholdError('INVALID_INPUT', field === undefined ? { message } : { field, message })
}

function codeOf(issue: z.core.$ZodIssue): ErrorCode | undefined {
  if (issue.code !== 'custom') return undefined
  const code: unknown = issue.params?.['keyholdCode']
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : undefined
}
