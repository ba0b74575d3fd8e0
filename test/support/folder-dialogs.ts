import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { FileDialogPort, PickedFile } from '../../electron/core/files/file-dialogs'

/**
 * The desktop host's open and save dialogs with a person who always picks `next` (set by the test)
 * and saves into `saveDir`: real files on disk, no Electron. `saved` lists what was written.
 */
export class FolderDialogs implements FileDialogPort {
  next: string | undefined
  readonly saved: string[] = []

  constructor(private readonly saveDir: string) {
    mkdirSync(saveDir, { recursive: true })
  }

  async open(): Promise<PickedFile | undefined> {
    const path = this.next
    this.next = undefined
    return path === undefined ? undefined : { name: basename(path), bytes: readFileSync(path) }
  }

  async save(suggestedName: string, bytes: Buffer): Promise<boolean> {
    const path = join(this.saveDir, basename(suggestedName))
    writeFileSync(path, bytes, { mode: 0o600 })
    this.saved.push(path)
    return true
  }
}
