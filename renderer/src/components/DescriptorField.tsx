import type { UseFormRegisterReturn } from 'react-hook-form'
import type { FieldRule } from '../../../electron/shared/providers'
import { Field } from './Field'

interface DescriptorFieldProps {
  /** A provider's field or one of its settings: both carry a label, a hint and a rule. */
  field: { readonly label: string; readonly hint?: string | undefined; readonly rule: FieldRule }
  registration: UseFormRegisterReturn
  error: string | undefined
}

/** One field of a provider's descriptor, by its rule: a choice is a select, anything else an input. */
export function DescriptorField({ field, registration, error }: DescriptorFieldProps) {
  const { rule } = field
  return (
    <Field label={field.label} error={error} hint={field.hint}>
      {(p) =>
        rule.kind === 'choice' ? (
          <select {...p} {...registration}>
            {rule.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <input {...p} {...registration} type={rule.kind === 'url' ? 'url' : 'text'} autoCapitalize="off" spellCheck={false} />
        )
      }
    </Field>
  )
}
