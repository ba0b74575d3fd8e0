import * as AlertDialog from '@radix-ui/react-alert-dialog'
import { useState } from 'react'
import { errorOf } from '../api/client'
import { selectDetail, selectDialog } from '../store/selectors'
import { useStore } from '../store/store'
import { useProviders } from '../providers-ui'
import { AddKeyWizard } from './AddKeyWizard'
import { KeyForm, type KeyFormSubmit } from './KeyForm'
import { Modal } from './Modal'

/**
 * Add a key: the provider's own steps by default (getting the key, capturing it the moment it is
 * shown, checking it, then naming it), or one form for a person who already has the key.
 */
export function AddKeyDialog() {
  const open = useStore(selectDialog) === 'add'
  const closeDialog = useStore((s) => s.closeDialog)
  const openDialog = useStore((s) => s.openDialog)
  const select = useStore((s) => s.select)
  const addKey = useStore((s) => s.addKey)
  const prefill = useStore((s) => s.addPrefill)
  const providers = useProviders()
  const [mode, setMode] = useState<'guided' | 'form'>('guided')
  const [unsaved, setUnsaved] = useState(false)
  const close = () => {
    setMode('guided')
    setUnsaved(false)
    closeDialog()
  }
  async function submit({ common, details, secret, secretCaptureId }: KeyFormSubmit) {
    await addKey({ ...common, details, ...(secretCaptureId ? { secretCaptureId } : { secret: secret ?? '' }) })
    close()
  }
  async function rotateInstead(id: string) {
    await select(id)
    openDialog('rotate')
  }
  const description =
    mode === 'guided'
      ? 'Keyhold walks you through getting the key from the provider, captures it the moment it is shown, checks it, then asks for a name. Closing keeps your progress.'
      : 'Choose the provider, paste the key it gave you, and give it a clear name.'
  return (
    <Modal open={open} onClose={close} title="Add a key" description={description} unsaved={mode === 'form' && unsaved}>
      {open && mode === 'form' && <KeyForm onSubmit={submit} onCancel={close} onUnsavedChange={setUnsaved} />}
      {open && mode === 'guided' && providers.length === 0 && <p className="muted">Loading the providers…</p>}
      {open && mode === 'guided' && providers.length > 0 && <AddKeyWizard providers={providers} prefill={prefill} onForm={() => setMode('form')} onDone={close} onRotate={(id) => void rotateInstead(id)} />}
    </Modal>
  )
}

export function EditKeyDialog() {
  const detail = useStore(selectDetail)
  const open = useStore(selectDialog) === 'edit' && detail !== null
  const closeDialog = useStore((s) => s.closeDialog)
  const updateKey = useStore((s) => s.updateKey)
  const [unsaved, setUnsaved] = useState(false)
  const close = () => {
    setUnsaved(false)
    closeDialog()
  }
  async function submit({ common, details, secret, secretCaptureId }: KeyFormSubmit) {
    if (!detail) return
    const newSecret = secretCaptureId ? { secretCaptureId } : secret === undefined ? {} : { secret }
    await updateKey({ id: detail.id, changes: { ...common, details, ...newSecret } })
    close()
  }
  return (
    <Modal open={open} onClose={close} title="Edit key" description="Change the name, details or notes. The key itself is kept unless you enter a new one." unsaved={unsaved}>
      {open && detail && <KeyForm editing={detail} onSubmit={submit} onCancel={close} onUnsavedChange={setUnsaved} />}
    </Modal>
  )
}

export function DeleteKeyDialog() {
  const selectedId = useStore((s) => s.selectedId)
  const detail = useStore(selectDetail)
  const open = useStore(selectDialog) === 'delete' && selectedId !== null
  const closeDialog = useStore((s) => s.closeDialog)
  const deleteKey = useStore((s) => s.deleteKey)
  const [error, setError] = useState<string | null>(null)
  const name = detail?.name ?? 'this damaged entry'

  async function confirm() {
    if (!selectedId) return
    try {
      await deleteKey(selectedId)
      setError(null)
      closeDialog()
    } catch (err) {
      setError(errorOf(err).message)
    }
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !next && closeDialog()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title>Delete “{name}”?</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">
            The key is removed from this vault for good. It is not revoked at the provider: it keeps working there until you revoke it in
            the provider's portal.
          </AlertDialog.Description>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button">Keep it</button>
            </AlertDialog.Cancel>
            <button type="button" className="danger" onClick={() => void confirm()}>
              Delete key
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
