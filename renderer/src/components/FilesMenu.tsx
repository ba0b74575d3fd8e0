import { FolderInput } from 'lucide-react'
import { useEffect, useId, useRef, useState } from 'react'
import { ReceiveShareFileButton } from './share/ReceiveShareFile'
import { ExportButton } from './transfer/ExportDialog'
import { ImportButton } from './transfer/ImportDialog'

/**
 * The toolbar's "Files" button: keys coming in and going out (a share file, an import, an export)
 * behind one button, so the search field keeps its width at 720 px. The three stay mounted while
 * the list is folded away: each owns the dialog it opens, which must outlive the list.
 */
export function FilesMenu() {
  const [open, setOpen] = useState(false)
  const listId = useId()
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    const onPointer = (e: PointerEvent) => root.current?.contains(e.target as Node) || setOpen(false)
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [open])
  return (
    <div className="files-menu" ref={root}>
      <button type="button" className="collapsible" title="Share files, import and export" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        <FolderInput className="button-icon" size={16} aria-hidden="true" focusable="false" />
        <span className="button-label">Files</span>
      </button>
      {/* A click on one of them opens its dialog and folds the list away. */}
      <div id={listId} className="files-menu-list" role="group" aria-label="Files" hidden={!open} onClickCapture={() => setOpen(false)}>
        <ReceiveShareFileButton />
        <ImportButton />
        <ExportButton />
      </div>
    </div>
  )
}
