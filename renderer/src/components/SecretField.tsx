import { useEffect, useId, useRef, useState, type Ref } from 'react'
import type { CaptureResult } from '../../../electron/shared/dto'
import { errorOf } from '../api/client'
import { useApi } from '../store/store'
import { CaptureShapeLines } from './guide/CaptureStep'

interface SecretFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  /** The form library's handle, so it can move focus here when the secret is wrong. */
  inputRef?: Ref<HTMLInputElement | HTMLElement>
  /** What "Paste from clipboard" found: its shape only, the value stays in core. */
  capture: CaptureResult | null
  onCapture: (capture: CaptureResult | null) => void
  /** The contract error for the secret, from the last save. */
  error: string | undefined
}

/**
 * The secret of the add and edit forms: typed into a password field, or pasted by core straight
 * from the clipboard (which core then empties). A pasted key shows only its length and shape here.
 */
export function SecretField({ label, value, onChange, onBlur, inputRef: formRef, capture, onCapture, error }: SecretFieldProps) {
  const id = useId()
  const api = useApi()
  const [pasteError, setPasteError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const summaryRef = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  // Where focus goes once the swap between input and summary is drawn: the button pressed is gone.
  const focusNext = useRef<'summary' | 'input' | null>(null)
  const shown = pasteError ?? error
  const errorId = shown ? `${id}-error` : undefined

  useEffect(() => {
    if (focusNext.current === 'summary') summaryRef.current?.focus()
    if (focusNext.current === 'input') inputRef.current?.focus()
    focusNext.current = null
  }, [capture])

  async function paste() {
    if (busy) return
    setBusy(true)
    setPasteError(null)
    try {
      const result = await api.call('keyhold:clipboard.capture')
      focusNext.current = 'summary'
      onCapture(result)
    } catch (err) {
      setPasteError(errorOf(err).message)
    } finally {
      setBusy(false)
    }
  }

  function typeInstead() {
    focusNext.current = 'input'
    setPasteError(null)
    onCapture(null)
  }

  const errorLine = shown && (
    <p className="field-error" id={errorId} role="alert">
      {shown}
    </p>
  )

  if (capture) {
    return (
      <div className="field">
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div
          className="capture-summary"
          role="group"
          aria-labelledby={`${id}-label`}
          aria-describedby={[`${id}-summary`, errorId].filter(Boolean).join(' ')}
          tabIndex={-1}
          ref={(el) => {
            summaryRef.current = el
            setRef(formRef, el)
          }}
        >
          <div id={`${id}-summary`}>
            <CaptureShapeLines shape={capture} />
            <p className="hint">The clipboard was emptied. The key stays inside Keyhold until you save.</p>
          </div>
          <button type="button" onClick={typeInstead}>
            Type it instead
          </button>
        </div>
        {errorLine}
      </div>
    )
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="secret-entry">
        <input
          id={id}
          ref={(el) => {
            inputRef.current = el
            setRef(formRef, el)
          }}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          aria-invalid={Boolean(shown)}
          aria-describedby={errorId}
        />
        <button type="button" onClick={() => void paste()} aria-disabled={busy || undefined} aria-describedby={`${id}-paste-hint`}>
          Paste from clipboard
        </button>
      </div>
      <p className="hint" id={`${id}-paste-hint`}>
        Pasting from the clipboard reads the key inside Keyhold and then empties the clipboard.
      </p>
      {errorLine}
    </div>
  )
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value)
  else if (ref) (ref as { current: T | null }).current = value
}
