import type { LucideIcon } from 'lucide-react'
import { useState, type ReactNode } from 'react'
import { Modal } from './Modal'

/**
 * A toolbar button that opens its own dialog. The dialog's content is mounted only while it is
 * open, so nothing it held (a chosen file's preview, a typed passphrase) lingers after closing.
 */
export function DialogButton({
  icon: Icon,
  label,
  title,
  dialogTitle,
  description,
  children,
}: {
  icon: LucideIcon
  label: string
  title: string
  dialogTitle: string
  description: string
  children: (close: () => void) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const close = () => setOpen(false)
  return (
    <>
      <button type="button" className="collapsible" title={title} onClick={() => setOpen(true)}>
        <Icon className="button-icon" size={16} aria-hidden="true" focusable="false" />
        <span className="button-label">{label}</span>
      </button>
      <Modal open={open} onClose={close} title={dialogTitle} description={description}>
        {open && children(close)}
      </Modal>
    </>
  )
}
