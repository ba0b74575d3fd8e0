import { BackupsPanel } from './BackupsPanel'
import { Modal } from './Modal'

/**
 * "Restore from a backup" for a vault that cannot be opened. Its own chunk (the Unlock screen
 * loads it lazily): the first screen paints without the dialog library, which only a damaged
 * vault needs there.
 */
export default function RestoreFromBackupDialog({ open, onClose, onRestored }: { open: boolean; onClose: () => void; onRestored: () => void }) {
  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Restore from a backup"
      description="The vault file cannot be opened. Choose a backup to see what it holds, then restore it; the current file is kept aside as it is."
    >
      {open && <BackupsPanel locked onRestored={onRestored} />}
    </Modal>
  )
}
