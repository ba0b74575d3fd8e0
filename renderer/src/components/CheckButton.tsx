import { LoaderCircle, RefreshCw } from 'lucide-react'
import { selectIsChecking } from '../store/selectors'
import { useStore } from '../store/store'

interface CheckButtonProps {
  id: string
  /** The visible word when idle. */
  label?: string
  /** The key's name, so each row's button says which key it checks ("Check Billing API"). */
  keyName?: string
  className?: string
}

/**
 * Checks one key. While the check runs it says "Checking…" and is disabled through aria-disabled,
 * not `disabled`, so a keyboard user's focus stays on it; presses meanwhile send nothing.
 */
export function CheckButton({ id, label = 'Check', keyName, className }: CheckButtonProps) {
  const checking = useStore(selectIsChecking(id))
  const checkKey = useStore((s) => s.checkKey)
  return (
    <button
      type="button"
      className={className ? `check-button ${className}` : 'check-button'}
      aria-disabled={checking || undefined}
      aria-label={keyName ? `${checking ? 'Checking' : label} ${keyName}` : undefined}
      title={keyName ? `${checking ? 'Checking' : label} ${keyName}` : undefined}
      onClick={() => {
        if (!checking) void checkKey(id)
      }}
    >
      {checking ? <LoaderCircle className="button-icon spin" size={16} aria-hidden="true" focusable="false" /> : <RefreshCw className="button-icon" size={16} aria-hidden="true" focusable="false" />}
      <span className="button-label">{checking ? 'Checking…' : label}</span>
    </button>
  )
}
