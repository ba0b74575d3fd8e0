import { z } from 'zod'
import type { DetailValue, KeyDetail, ProviderDetails } from '../../../electron/shared/dto'
import type { FieldDescriptor, FieldRule, ProviderDescriptor } from '../../../electron/shared/providers'
import { accountSchema, isoDateSchema, nameSchema, notesSchema, secretSchema, tagSchema } from '../../../electron/shared/schemas/keys'
import { detailsSchema, fieldValueOf } from '../../../electron/shared/validation/field-schemas'

/**
 * The add/edit key form's values. Field names are the contract's input paths (`name`,
 * `details.tenant`, `details.auth.headerName`, `secret`), so an error core names lands on the
 * field of the same name as it is.
 */
export interface KeyFormValues {
  name: string
  account: string
  notes: string
  /** As typed: tags separated by commas. */
  tags: string
  expiresOn: string
  details: { provider: string; [field: string]: DetailValue }
  secret: string
}

export interface KeyFormOutput {
  name: string
  account: string
  notes: string
  tags: string[]
  expiresOn: string | null
  details: ProviderDetails
  secret: string
}

/** Labels of the form's own fields; a provider's fields are labelled by its descriptor. */
export const COMMON_LABELS = {
  name: 'Name',
  account: 'Account',
  notes: 'Notes',
  tags: 'Tags',
  expiresOn: 'Expiry date',
} as const

// Rules whose values are identifiers or addresses: stray spaces around them are never meant.
const TRIMMED: ReadonlySet<FieldRule['kind']> = new Set(['identifier', 'dnsLabel', 'url', 'headerName', 'path', 'urlTemplate'])

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let current = target
  for (const part of parts.slice(0, -1)) {
    const next = current[part]
    current = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : (current[part] = {})
  }
  current[parts.at(-1) as string] = value
}

/** What the form shows for a provider's fields: the key's own values, else each field's initial one. */
export function detailsDefaults(descriptor: ProviderDescriptor, existing?: ProviderDetails): KeyFormValues['details'] {
  const out: Record<string, unknown> = { provider: descriptor.id }
  for (const f of descriptor.fields) setPath(out, f.path, (existing && fieldValueOf(existing, f.path)) ?? f.initial ?? '')
  return out as KeyFormValues['details']
}

export function keyFormDefaults(descriptor: ProviderDescriptor, editing?: KeyDetail): KeyFormValues {
  return {
    name: editing?.name ?? '',
    account: editing?.account ?? '',
    notes: editing?.notes ?? '',
    tags: editing?.tags.join(', ') ?? '',
    expiresOn: editing?.expiresOn ?? '',
    details: detailsDefaults(descriptor, editing?.details),
    secret: '',
  }
}

function normalized(descriptor: ProviderDescriptor, details: unknown): unknown {
  if (typeof details !== 'object' || details === null) return details
  const copy = structuredClone(details) as Record<string, unknown>
  for (const f of descriptor.fields) {
    const value = fieldValueOf(copy, f.path)
    if (value === undefined || !TRIMMED.has(f.rule.kind)) continue
    setPath(copy, f.path, f.rule.kind === 'dnsLabel' ? value.trim().toLowerCase() : value.trim())
  }
  return copy
}

const splitTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)

/**
 * The form's schema, from the shared ones: the key's common fields from `schemas/keys.ts`, the
 * details from the chosen provider's descriptor. The secret is required when adding, unless it
 * was pasted (core holds it); when editing, empty keeps the current one.
 */
export function keyFormSchema(descriptor: ProviderDescriptor, opts: { editing: boolean; pasted: boolean }) {
  const details = detailsSchema(descriptor)
  const secret = opts.pasted ? z.string() : opts.editing ? z.union([z.literal(''), secretSchema]) : secretSchema
  return z.object({
    name: nameSchema,
    account: accountSchema,
    notes: notesSchema,
    tags: z
      .string()
      .superRefine((text, ctx) => {
        const tags = splitTags(text)
        if (tags.length > 20) ctx.addIssue({ code: 'too_big', origin: 'array', maximum: 20, inclusive: true, input: tags, message: 'has more than 20 tags' })
        for (const tag of tags) {
          const parsed = tagSchema.safeParse(tag)
          if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [] } as never)
        }
      })
      .transform(splitTags),
    expiresOn: z.union([z.literal('').transform(() => null), isoDateSchema]),
    details: z.preprocess((v) => normalized(descriptor, v), details),
    secret,
  })
}

/** Every form field's label, by its name. */
export function keyFormLabels(descriptor: ProviderDescriptor | undefined, secretLabel: string): (name: string) => string {
  const byPath = new Map<string, string>((descriptor?.fields ?? []).map((f: FieldDescriptor) => [`details.${f.path}`, f.label]))
  return (name) => (name === 'secret' ? secretLabel : (byPath.get(name) ?? (COMMON_LABELS as Record<string, string>)[name] ?? 'A field'))
}
