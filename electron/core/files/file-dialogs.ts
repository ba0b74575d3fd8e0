import type { FilePurpose } from '../../shared/files'

/** A file the person picked in an open dialog: its own name and its bytes. */
export interface PickedFile {
  readonly name: string
  readonly bytes: Buffer
}

/**
 * The desktop host's open and save dialogs (Electron's `dialog`), the port core's files.choose
 * and files.save go through. The web host has none: its window picks and downloads files itself
 * through the upload and download routes, which reach the same FileExchange.
 */
export interface FileDialogPort {
  /** Undefined when the person cancels. FILE_TOO_LARGE when the file is over the limit (checked before reading). */
  open(purpose: FilePurpose): Promise<PickedFile | undefined>
  /** Whether the person saved it (false when they cancelled). */
  save(suggestedName: string, bytes: Buffer): Promise<boolean>
}
