import { open, stat, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { KeyholdError } from '../core/errors'
import type { FileDialogPort, PickedFile } from '../core/files/file-dialogs'
import { FILE_PURPOSE_TYPES, MAX_FILE_BYTES, type FilePurpose } from '../shared/files'

type Dialogs = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>

/**
 * Core's file port in the desktop app: Electron's own open and save dialogs, attached to the
 * window, so the only paths main ever touches are the ones the person picked there. A file over
 * the limit is refused from its size before a byte is read; a saved file is the person's alone
 * (0600), since a share file or an export is still something to keep to oneself.
 */
export function createElectronFileDialogs(dialog: Dialogs, window: () => BrowserWindow | null): FileDialogPort {
  return {
    async open(purpose: FilePurpose): Promise<PickedFile | undefined> {
      const kind = FILE_PURPOSE_TYPES[purpose]
      const options: OpenDialogOptions = {
        properties: ['openFile'],
        filters: [
          { name: kind.label, extensions: [...kind.extensions] },
          { name: 'All files', extensions: ['*'] },
        ],
      }
      const parent = window()
      const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
      const path = picked.filePaths[0]
      if (picked.canceled || path === undefined) return undefined
      return { name: basename(path), bytes: await readWithin(path, MAX_FILE_BYTES) }
    },
    async save(suggestedName: string, bytes: Buffer): Promise<boolean> {
      const options: SaveDialogOptions = { defaultPath: suggestedName, properties: ['showOverwriteConfirmation', 'createDirectory'] }
      const parent = window()
      const chosen = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      if (chosen.canceled || !chosen.filePath) return false
      try {
        await writeFile(chosen.filePath, bytes, { mode: 0o600 })
      } catch {
        throw new KeyholdError('STORAGE_FAILED', { message: 'Keyhold could not save the file there (the folder may be read-only or the disk full). Choose another place.' })
      }
      return true
    },
  }
}

/** The file's bytes, or FILE_TOO_LARGE from its size (and again if it grew while being read). */
async function readWithin(path: string, limit: number): Promise<Buffer> {
  let size: number
  try {
    size = (await stat(path)).size
  } catch {
    throw new KeyholdError('FILE_UNREADABLE')
  }
  if (size > limit) throw new KeyholdError('FILE_TOO_LARGE')
  const handle = await open(path, 'r').catch(() => {
    throw new KeyholdError('FILE_UNREADABLE')
  })
  try {
    const bytes = Buffer.alloc(limit + 1)
    let read = 0
    for (;;) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, read)
      if (bytesRead === 0) break
      read += bytesRead
      if (read > limit) {
        bytes.fill(0)
        throw new KeyholdError('FILE_TOO_LARGE')
      }
    }
    const out = Buffer.from(bytes.subarray(0, read))
    bytes.fill(0)
    return out
  } finally {
    await handle.close()
  }
}
