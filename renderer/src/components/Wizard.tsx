import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { errorOf } from '../api/client'
import { useApi, useStore } from '../store/store'
import { forgetWizardState, readWizardState, writeWizardState, type WizardState } from './wizard-state'

/** What a step's content may read and change. */
export interface WizardContext<V> {
  readonly values: V
  /** Non-secret values only: they are kept in sessionStorage so a reload resumes the flow. */
  setValues: (patch: Partial<V>) => void
  /** The id core gave a captured secret; the secret itself never leaves core. */
  readonly captureId: string | null
  setCaptureId: (id: string | null) => void
}

export interface WizardStep<V> {
  readonly id: string
  readonly title: string
  render: (ctx: WizardContext<V>) => ReactNode
  /** Whether Next may be pressed; a step that returns a sentence says why not. */
  blocked?: (ctx: WizardContext<V>) => string | null
  /**
   * Runs when Next is pressed, before the next step shows (a rotation saves the new key here, so
   * a token shown once is stored before anything else happens). A failure stays on this step, said.
   */
  onNext?: (ctx: WizardContext<V>) => Promise<Partial<V>>
}

interface WizardProps<V extends Record<string, unknown>> {
  /** Names the flow: its state is kept under this name, so two flows never resume each other. */
  flow: string
  /** The steps, or the steps for the values so far (a generate flow's steps follow the provider chosen). */
  steps: readonly WizardStep<V>[] | ((values: V) => readonly WizardStep<V>[])
  initialValues: V
  /** The last step's Next. The flow's kept state is forgotten once it resolves. */
  onFinish: (state: WizardState<V>) => Promise<void> | void
  /** After Discard has released the capture and forgotten the flow. */
  onDiscard?: () => void
  finishLabel?: string
}

/**
 * A multi-step flow: Back and Next, focus on each step's heading, the step change announced, and
 * a half-finished flow resumed after a reload. A captured secret stays in core until the flow
 * finishes (the caller saves it) or the person discards the flow on purpose.
 */
export function Wizard<V extends Record<string, unknown>>({ flow, steps, initialValues, onFinish, onDiscard, finishLabel = 'Finish' }: WizardProps<V>) {
  const api = useApi()
  const announce = useStore((s) => s.announce)
  const stepsFor = (values: V) => (typeof steps === 'function' ? steps(values) : steps)
  const [state, setState] = useState<WizardState<V>>(() => {
    const kept = readWizardState(flow, Number.POSITIVE_INFINITY, initialValues)
    return { ...kept, step: Math.min(kept.step, stepsFor(kept.values).length - 1) }
  })
  const list = stepsFor(state.values)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const id = useId()
  const step = list[Math.min(state.step, list.length - 1)] as WizardStep<V>
  const last = state.step >= list.length - 1

  useEffect(() => writeWizardState(flow, state), [flow, state])

  // Each step (and a resumed one) starts at its heading, and says where the person is.
  const shownStep = useRef<number | null>(null)
  useEffect(() => {
    if (shownStep.current === state.step) return
    shownStep.current = state.step
    heading.current?.focus()
    announce(`Step ${state.step + 1} of ${list.length}: ${step.title}`)
  }, [state.step, list.length, step.title, announce])

  const ctx: WizardContext<V> = {
    values: state.values,
    setValues: (patch) => setState((s) => ({ ...s, values: { ...s.values, ...patch } })),
    captureId: state.captureId,
    setCaptureId: (captureId) => setState((s) => ({ ...s, captureId })),
  }
  const blocked = step.blocked?.(ctx) ?? null

  async function next() {
    if (blocked || busy) return
    setError(null)
    if (!last && !step.onNext) return setState((s) => ({ ...s, step: s.step + 1 }))
    setBusy(true)
    try {
      if (step.onNext) {
        const patch = await step.onNext(ctx)
        if (!last) return setState((s) => ({ ...s, step: s.step + 1, values: { ...s.values, ...patch } }))
      }
      await onFinish(state)
      forgetWizardState(flow)
    } catch (err) {
      setError(errorOf(err).message)
    } finally {
      setBusy(false)
    }
  }

  async function discard() {
    setError(null)
    try {
      if (state.captureId) await api.call('keyhold:clipboard.discard', { captureId: state.captureId })
    } catch (err) {
      setError(errorOf(err).message)
      return
    }
    forgetWizardState(flow)
    shownStep.current = null
    setState({ step: 0, values: initialValues, captureId: null })
    announce('Discarded. Nothing was saved.')
    onDiscard?.()
  }

  return (
    <section className="wizard" aria-labelledby={`${id}-title`}>
      <p className="wizard-progress" id={`${id}-progress`}>
        Step {state.step + 1} of {list.length}
      </p>
      <h2 id={`${id}-title`} tabIndex={-1} ref={heading} aria-describedby={`${id}-progress`}>
        {step.title}
      </h2>
      <div className="wizard-step">{step.render(ctx)}</div>
      {(error ?? blocked) && (
        <p className={error ? 'form-error' : 'hint'} role={error ? 'alert' : undefined}>
          {error ?? blocked}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void discard()}>
          Discard
        </button>
        <button type="button" onClick={() => setState((s) => ({ ...s, step: s.step - 1 }))} disabled={state.step === 0}>
          Back
        </button>
        <button type="button" className="primary" onClick={() => void next()} aria-disabled={blocked !== null || busy || undefined}>
          {last ? finishLabel : 'Next'}
        </button>
      </div>
    </section>
  )
}
