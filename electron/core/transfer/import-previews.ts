import { randomUUID } from 'node:crypto'
import { KeyholdError } from '../errors'
import type { LifecycleSubscriptions } from '../vault-lifecycle'
import type { SourceRead } from './candidate'
import type { SourceFile } from './read-source'

/** How many opened files and previews are kept at once; the oldest goes first. */
const MAX_HELD = 4

/**
 * What an import holds between its preview and its apply: the file the person chose (so a wrong
 * password or a new CSV mapping can read it again without choosing it again) and each preview's
 * decrypted candidates. All of it holds keys in plain text, so it is zeroed where it can be and
 * dropped when the vault locks, and once applied.
 */
export class ImportPreviews {
  private readonly files = new Map<string, SourceFile>()
  private readonly previews = new Map<string, { fileId: string; read: SourceRead }>()

  constructor(lifecycle: LifecycleSubscriptions) {
    lifecycle.on('willLock', () => this.clear())
  }

  /** The file under this id: already opened by an earlier preview, or taken now from the exchange. */
  file(fileId: string, take: () => SourceFile): SourceFile {
    const held = this.files.get(fileId)
    if (held) return held
    const file = take()
    keepAtMost(this.files, MAX_HELD - 1, (f) => f.bytes.fill(0))
    this.files.set(fileId, file)
    return file
  }

  hold(fileId: string, read: SourceRead): string {
    // A new preview of the same file replaces the one before (a new password or mapping).
    for (const [id, p] of this.previews) if (p.fileId === fileId) this.previews.delete(id)
    keepAtMost(this.previews, MAX_HELD - 1)
    const previewId = randomUUID()
    this.previews.set(previewId, { fileId, read })
    return previewId
  }

  /** The preview, once: applying it lets its file go too. */
  take(previewId: string): SourceRead {
    const held = this.previews.get(previewId)
    if (!held) throw new KeyholdError('FILE_GONE', { message: 'This preview is no longer held (previews are let go when the vault locks, and once imported). Choose the file again.' })
    this.previews.delete(previewId)
    this.files.get(held.fileId)?.bytes.fill(0)
    this.files.delete(held.fileId)
    return held.read
  }

  clear(): void {
    for (const file of this.files.values()) file.bytes.fill(0)
    this.files.clear()
    this.previews.clear()
  }
}

function keepAtMost<V>(map: Map<string, V>, size: number, drop?: (value: V) => void): void {
  while (map.size > size) {
    const [oldest] = map.keys()
    if (oldest === undefined) return
    const value = map.get(oldest)
    if (value !== undefined) drop?.(value)
    map.delete(oldest)
  }
}
