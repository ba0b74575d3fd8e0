import type { ClipboardPort } from '../../electron/core/clipboard/clipboard-port'

/** A clipboard held in memory: for unit tests, behind the same port as the real ones. */
export class MemoryClipboard implements ClipboardPort {
  text = ''
  concealed = false
  writes = 0
  readonly hints = { concealed: true, description: 'An in-memory clipboard for tests.' }

  async writeSecret(text: string): Promise<void> {
    this.text = text
    this.concealed = true
    this.writes++
  }

  async readText(): Promise<string> {
    return this.text
  }

  async clear(): Promise<void> {
    this.text = ''
    this.concealed = false
  }

  /** What another program copying would do. */
  userCopies(text: string): void {
    this.text = text
    this.concealed = false
  }
}
