import type { ProviderDescriptor } from '../../../../electron/shared/providers/descriptor'
import { Field } from '../Field'
import { EXPIRES_ON, EXPIRES_ON_LABEL, fieldProblem, stepFields, type FieldValues } from './guide-values'

interface GuideFieldsProps {
  descriptor: ProviderDescriptor
  paths: readonly string[]
  values: FieldValues
  onChange: (path: string, value: string) => void
}

/**
 * The fields a guide step asks for, each checked by its provider's rule as it is typed (an empty
 * required field is said only by the step's Next, not while the person has not started).
 */
export function GuideFields({ descriptor, paths, values, onChange }: GuideFieldsProps) {
  return (
    <>
      {stepFields(descriptor, paths, values).map((field) => {
        const path = field === EXPIRES_ON ? EXPIRES_ON : field.path
        const value = values[path] ?? ''
        const error = value === '' ? undefined : (fieldProblem(field, value) ?? undefined)
        if (field === EXPIRES_ON) {
          return (
            <Field key={path} label={EXPIRES_ON_LABEL} error={error} hint="Keyhold reminds you before this date and shows the key as expired after it.">
              {(p) => <input {...p} type="date" value={value} onChange={(e) => onChange(path, e.target.value)} />}
            </Field>
          )
        }
        const { rule } = field
        return (
          <Field key={`${descriptor.id}:${path}`} label={field.label} error={error} hint={field.hint}>
            {(p) =>
              rule.kind === 'choice' ? (
                <select {...p} value={value} onChange={(e) => onChange(path, e.target.value)}>
                  {rule.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input {...p} type={rule.kind === 'url' ? 'url' : 'text'} value={value} onChange={(e) => onChange(path, e.target.value)} autoCapitalize="off" spellCheck={false} />
              )
            }
          </Field>
        )
      })}
    </>
  )
}
