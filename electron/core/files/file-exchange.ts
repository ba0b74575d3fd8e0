import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { MAX_FILE_BYTES, type FileRef } from '../../shared/files'
import { KeyholdError } from '../errors'
import type { LifecycleSubscriptions } from '../vault-lifecycle'

/** A file held in core: its name (never a folder) and its bytes. */
export interface HeldFile {
  readonly name: string
  readonly bytes: Buffer
  /** For a file to save: what it is, so a browser download and a save dialog can say so. */
  readonly mime: string
}

/** How many files each side holds at once; the oldest goes first (a window that never collected them). */
const MAX_HELD = 8

/**
 * Files in and out, by id (DESIGN.md, "Files in and out"). A host puts in what the person chose
 * to open (the desktop host's dialog, the web host's upload route) and takes out what core made
 * for them to save (the save dialog, the download route); core's methods name files by id only,
 * so core never sees a path the person did not choose. Each file is used once. A CSV the person
 * brought holds keys in plain text, so everything held is zeroed when it is used, dropped, or the
 * vault locks.
 */
export class FileExchange {
  private readonly incoming = new Map<string, HeldFile>()
  private readonly outgoing = new Map<string, HeldFile>()

  constructor(lifecycle: LifecycleSubscriptions) {
    lifecycle.on('willLock', () => this.clear())
  }

  /** A file the person chose to open; FILE_TOO_LARGE past the limit (the host checks before reading it all, too). */
  receive(name: string, bytes: Buffer): FileRef {
    return hold(this.incoming, { name: safeName(name), bytes, mime: 'application/octet-stream' })
  }

  /** The chosen file, for the one method it was chosen for; FILE_GONE once used or cleared. */
  take(fileId: string): HeldFile {
    return takeFrom(this.incoming, fileId)
  }

  /** A file core made for the person to save. */
  offer(name: string, bytes: Buffer, mime: string): FileRef {
    return hold(this.outgoing, { name: safeName(name), bytes, mime })
  }

  /** The made file, for the host to write or send; FILE_GONE once collected. */
  collect(fileId: string): HeldFile {
    return takeFrom(this.outgoing, fileId)
  }

  /** Whether a made file is still waiting (a host checks before it opens a save dialog). */
  offered(fileId: string): boolean {
    return this.outgoing.has(fileId)
  }

  clear(): void {
    for (const held of [this.incoming, this.outgoing]) {
      for (const file of held.values()) file.bytes.fill(0)
      held.clear()
    }
  }
}

function hold(held: Map<string, HeldFile>, file: HeldFile): FileRef {
  if (file.bytes.length > MAX_FILE_BYTES) {
    file.bytes.fill(0)
    throw new KeyholdError('FILE_TOO_LARGE')
  }
  while (held.size >= MAX_HELD) {
    const [oldest] = held.keys()
    if (oldest === undefined) break
    held.get(oldest)?.bytes.fill(0)
    held.delete(oldest)
  }
  const fileId = randomUUID()
  held.set(fileId, file)
  return { fileId, name: file.name, size: file.bytes.length }
}

function takeFrom(held: Map<string, HeldFile>, fileId: string): HeldFile {
  const file = held.get(fileId)
  if (!file) throw new KeyholdError('FILE_GONE')
  held.delete(fileId)
  return file
}

/**
 * A file's own name, for showing and for a save dialog's suggestion: no folder (a browser or a
 * dialog may hand over a path), no control characters, not empty, not absurdly long.
 */
export function safeName(name: string): string {
  const plain = basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim()
  const short = [...plain].slice(0, 120).join('')
  return short === '' || short === '.' || short === '..' ? 'file' : short
}
