import type { z } from 'zod'
import { ERROR_CODES, type ErrorCode } from '../../shared/errors'
import { KeyholdError } from '../errors'

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  account: 'Account',
  notes: 'Notes',
  tags: 'Tags',
  expiresOn: 'Expiry date',
  tenant: 'Tenant subdomain',
  apiKey: 'API key',
  service: 'Service',
  keyName: 'Key name in Spreeflo',
  baseUrl: 'Base URL',
  headerName: 'Header name',
  username: 'Username',
  kind: 'How the key is sent',
  provider: 'Provider',
  secret: 'Key',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  query: 'Search',
  id: 'Key',
  threadeoBaseUrl: 'Threadeo address template',
  threadeoCheckPath: 'Threadeo check path',
  threatstopBaseUrl: 'ThreatSTOP base URL',
  spreefloBaseUrl: 'Spreeflo base URL',
  spreefloCheckPath: 'Spreeflo check path',
  spreefloAuth: 'How the Spreeflo key is sent',
}

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
    case 'unrecognized_keys':
      return 'contains fields Keyhold does not know'
    default:
      return issue.message === 'required' ? 'is required' : 'is not in the expected form'
  }
}

/**
 * Parses input at the boundary. Messages are built from our own field labels, never from zod's
 * text or the input itself, so a rejected secret cannot travel back inside an error.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = result.error.issues
  const codedIssue = issues.find((i) => codeOf(i) !== undefined)
  const issue = codedIssue ?? issues[0]
  const path = issue?.path.filter((p): p is string => typeof p === 'string') ?? []
  const field = path.length > 0 ? path.join('.') : undefined
  const code = issue ? codeOf(issue) : undefined
  if (code) throw new KeyholdError(code, field === undefined ? {} : { field })
  const leaf = path.at(-1)
  const label = (leaf && FIELD_LABELS[leaf]) ?? 'A field'
  const message = `${label} ${issue ? describe(issue) : 'is not in the expected form'}.`
  throw new KeyholdError('INVALID_INPUT', field === undefined ? { message } : { field, message })
}

function codeOf(issue: z.core.$ZodIssue): ErrorCode | undefined {
  if (issue.code !== 'custom') return undefined
  const code: unknown = issue.params?.['keyholdCode']
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : undefined
}
