import * as AlertDialog from '@radix-ui/react-alert-dialog'
import * as Dialog from '@radix-ui/react-dialog'
import { useState, type ReactNode } from 'react'

interface ModalProps {
  open: boolean
  onClose: () => void
  title: string
  description: string
  children: ReactNode
  /** Input typed and not saved: Escape or a click outside asks before throwing it away. */
  unsaved?: boolean
}

/** Radix's dialog: focus trapped and returned, Escape closes, title and description announced. */
export function Modal({ open, onClose, title, description, children, unsaved = false }: ModalProps) {
  const [asking, setAsking] = useState(false)
  const requestClose = () => (unsaved ? setAsking(true) : onClose())
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && requestClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{title}</Dialog.Title>
          <Dialog.Description className="dialog-description">{description}</Dialog.Description>
          {children}
          <AlertDialog.Root open={asking} onOpenChange={setAsking}>
            <AlertDialog.Portal>
              <AlertDialog.Overlay className="overlay" />
              <AlertDialog.Content className="dialog dialog-small">
                <AlertDialog.Title>Discard what you typed?</AlertDialog.Title>
                <AlertDialog.Description className="dialog-description">Nothing in this form has been saved yet.</AlertDialog.Description>
                <div className="dialog-actions">
                  <AlertDialog.Cancel asChild>
                    <button type="button">Keep editing</button>
                  </AlertDialog.Cancel>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      setAsking(false)
                      onClose()
                    }}
                  >
                    Discard
                  </button>
                </div>
              </AlertDialog.Content>
            </AlertDialog.Portal>
          </AlertDialog.Root>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
