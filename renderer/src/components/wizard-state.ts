import { z } from 'zod'

/**
 * What a half-finished flow keeps across a reload: where it was, the non-secret values entered so
 * far, and the id of a captured (pasted) secret — never the secret, which stays in core until the
 * key is saved, the flow is discarded, or the vault locks. Kept in sessionStorage, so it ends with
 * the tab; read back through a schema, so a tampered or stale entry starts the flow afresh.
 */
export interface WizardState<V> {
  readonly step: number
  readonly values: V
  readonly captureId: string | null
}

const stored = z.object({
  step: z.number().int().min(0),
  values: z.record(z.string(), z.unknown()),
  captureId: z.uuid().nullable(),
})

export const wizardStorageKey = (flow: string) => `keyhold.wizard.${flow}`

export function readWizardState<V extends Record<string, unknown>>(flow: string, stepCount: number, initial: V): WizardState<V> {
  const fresh = { step: 0, values: initial, captureId: null }
  let raw: string | null = null
  try {
    raw = sessionStorage.getItem(wizardStorageKey(flow))
  } catch {
    return fresh
  }
  if (raw === null) return fresh
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return fresh
  }
  const parsed = stored.safeParse(json)
  if (!parsed.success) return fresh
  return { step: Math.min(parsed.data.step, stepCount - 1), values: { ...initial, ...parsed.data.values } as V, captureId: parsed.data.captureId }
}

export function writeWizardState<V>(flow: string, state: WizardState<V>): void {
  try {
    sessionStorage.setItem(wizardStorageKey(flow), JSON.stringify(state))
  } catch {
    // Storage full or refused: the flow still works, it only would not survive a reload.
  }
}

export function forgetWizardState(flow: string): void {
  try {
    sessionStorage.removeItem(wizardStorageKey(flow))
  } catch {
    // Nothing was kept.
  }
}
