import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form'
import type { z } from 'zod'
import { labelled, schemaOptions } from './messages'

/**
 * A form validated by a zod schema, each error worded with its field's label as core words it,
 * re-checked as the person types once submitted, with room for a form-wide error from core.
 */
export function useLabelledForm<V extends FieldValues>(schema: z.ZodType, defaultValues: DefaultValues<V>, labels: Readonly<Record<string, string>>) {
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<V>({
    defaultValues,
    resolver: labelled(zodResolver(schema as never, schemaOptions) as unknown as Resolver<V>, (name) => labels[name] ?? 'A field'),
    reValidateMode: 'onChange',
  })
  return { ...form, formError, setFormError }
}
