import { Copy } from 'lucide-react'
import type { KeyField } from '../../../electron/shared/dto'
import { copyingId } from '../store/clipboard-slice'
import { useStore } from '../store/store'

interface CopyButtonProps {
  keyId: string
  field: KeyField
  /** The visible words: "Copy", "Copy API key", "Copy secret token". */
  label: string
  /** A fuller name where the words alone do not say which key ("Copy key of Billing API"). */
  accessibleName?: string
  className?: string
}

/**
 * Asks core to put one field of a key on the clipboard; the window never holds the value. While
 * the copy is on its way the button stays focusable (aria-disabled) and presses send nothing.
 */
export function CopyButton({ keyId, field, label, accessibleName, className }: CopyButtonProps) {
  const busy = useStore((s) => s.copying.has(copyingId(keyId, field)))
  const copyKey = useStore((s) => s.copyKey)
  return (
    <button
      type="button"
      className={className ? `copy-button ${className}` : 'copy-button'}
      aria-disabled={busy || undefined}
      aria-label={accessibleName}
      title={accessibleName ?? label}
      onClick={() => {
        if (!busy) void copyKey(keyId, field)
      }}
    >
      <Copy className="button-icon" size={16} aria-hidden="true" focusable="false" />
      <span className="button-label">{label}</span>
    </button>
  )
}
