import { History } from 'lucide-react'
import { useState } from 'react'
import { ActivityTimeline } from './ActivityTimeline'
import { Modal } from './Modal'

/** The toolbar's "Activity" button and the vault's timeline it opens (mounted only while open). */
export function VaultActivityButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="collapsible" title="Vault activity" onClick={() => setOpen(true)}>
        <History className="button-icon" size={16} aria-hidden="true" focusable="false" />
        <span className="button-label">Activity</span>
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title="Vault activity" description="What was done with your keys, newest first. No value is ever recorded.">
        {open && <ActivityTimeline title="All keys" />}
        <div className="dialog-actions">
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </Modal>
    </>
  )
}
