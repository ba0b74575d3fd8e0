import { isoDateSchema } from '../../../../electron/shared/schemas/keys'
import type { FieldDescriptor, ProviderDescriptor } from '../../../../electron/shared/providers/descriptor'
import { fieldApplies, nestDetails, ruleSchema } from '../../../../electron/shared/validation/field-schemas'
import { sentence } from '../../forms/messages'

/** The key's own expiry date, which a guide step may ask for beside the provider's fields. */
export const EXPIRES_ON = 'expiresOn'
export const EXPIRES_ON_LABEL = 'Expires on (optional)'

/** What a wizard keeps of a key being added: its fields' values by dotted path, all plain text. */
export type FieldValues = Readonly<Record<string, string>>

export const initialFieldValues = (descriptor: ProviderDescriptor): FieldValues =>
  Object.fromEntries(descriptor.fields.flatMap((f) => (f.initial === undefined ? [] : [[f.path, f.initial]])))

/**
 * The key's details from the values so far, each as its rule reads it (a pasted portal address
 * is its subdomain), so a portal link and a check see what will be stored.
 */
export function detailsOf(descriptor: ProviderDescriptor, values: FieldValues) {
  const read = (path: string, value: string) => {
    const field = descriptor.fields.find((f) => f.path === path)
    const parsed = field && value !== '' ? ruleSchema(field.rule).safeParse(value) : undefined
    return parsed?.success ? parsed.data : value
  }
  return nestDetails(descriptor.id, Object.fromEntries(Object.entries(values).flatMap(([path, value]) => (path === EXPIRES_ON ? [] : [[path, read(path, value)]]))))
}

/** The provider's fields a step names that apply to the key as it stands (`when`). */
export function stepFields(descriptor: ProviderDescriptor, paths: readonly string[], values: FieldValues): (FieldDescriptor | typeof EXPIRES_ON)[] {
  const details = detailsOf(descriptor, values)
  return paths.flatMap((path): (FieldDescriptor | typeof EXPIRES_ON)[] => {
    if (path === EXPIRES_ON) return [EXPIRES_ON]
    const field = descriptor.fields.find((f) => f.path === path)
    return field && fieldApplies(field, details) ? [field] : []
  })
}

/** Fields no generate step asks for: the naming step asks for them, so none is ever skipped. */
export function unaskedFields(descriptor: ProviderDescriptor): string[] {
  const asked = new Set(descriptor.guides.generate.flatMap((s) => s.fields ?? []))
  return [...descriptor.fields.map((f) => f.path), EXPIRES_ON].filter((p) => !asked.has(p))
}

/** The sentence for a field's value, as the form and core would say it; null when it is fine. */
export function fieldProblem(field: FieldDescriptor | typeof EXPIRES_ON, value: string): string | null {
  if (field === EXPIRES_ON) return value === '' || isoDateSchema.safeParse(value).success ? null : sentence(EXPIRES_ON_LABEL, 'invalid_format', 'is not a date')
  if (value.trim() === '') return field.required ? sentence(field.label, 'too_small', 'required') : null
  const parsed = ruleSchema(field.rule).safeParse(value)
  if (parsed.success) return null
  const issue = parsed.error.issues[0]
  const message = issue?.message ?? ''
  // The rule's own reason, as the person types: “www.example.com” needs its protocol…
  if (message.startsWith('“')) return `${field.label}: ${message}.`
  if (/^[a-z]/.test(message)) return `${field.label} ${message}.`
  return sentence(field.label, issue?.code ?? 'invalid_format', message)
}

export function firstProblem(descriptor: ProviderDescriptor, paths: readonly string[], values: FieldValues): string | null {
  for (const field of stepFields(descriptor, paths, values)) {
    const problem = fieldProblem(field, values[field === EXPIRES_ON ? EXPIRES_ON : field.path] ?? '')
    if (problem) return problem
  }
  return null
}
