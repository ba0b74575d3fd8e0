import { chmodSync, closeSync, constants, fchmodSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { errorRecord, eventRecord, type LogRecord } from './log-record'
import type { DiagnosticsLogger, LogFields } from './logger'

export const LOG_DIR_NAME = 'logs'
export const LOG_FILE_NAME = 'keyhold.log'
export const DEFAULT_MAX_BYTES = 1024 * 1024
export const DEFAULT_MAX_FILES = 5

/** The diagnostics folder of a data folder: beside the vault, so "send us your logs folder" is one place. */
export function diagnosticsDir(dataDir: string): string {
  return join(dataDir, LOG_DIR_NAME)
}

export interface FileLoggerOptions {
  readonly dir: string
  /** A file reaching this size is rotated before the next line is written. */
  readonly maxBytes?: number
  /** The live file and its rotated predecessors, together; the oldest goes first. */
  readonly maxFiles?: number
  readonly now?: () => number
}

// A link planted in the folder must not redirect the log into another file (no-op where absent).
const OPEN_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0)

/**
 * JSON lines in `<dir>/keyhold.log`, rotated by size to keyhold.log.1 … .N-1. The folder is 0700
 * and the files 0600 (the person's own, as the vault is). Every write is synchronous, so a line
 * is on disk before the call that failed answers, and contained: if the disk is full or the
 * folder is gone, the line is dropped and the action goes on.
 */
export class FileLogger implements DiagnosticsLogger {
  private readonly file: string
  private readonly maxBytes: number
  private readonly maxFiles: number
  private readonly now: () => number
  private folderChecked = false

  constructor(private readonly options: FileLoggerOptions) {
    this.file = join(options.dir, LOG_FILE_NAME)
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
    this.maxFiles = Math.max(1, options.maxFiles ?? DEFAULT_MAX_FILES)
    this.now = options.now ?? Date.now
  }

  event(name: string, fields?: LogFields): void {
    this.write(() => eventRecord(this.now(), name, fields))
  }

  error(channel: string, err: unknown): void {
    this.write(() => errorRecord(this.now(), channel, err))
  }

  private write(record: () => LogRecord): void {
    try {
      const line = Buffer.from(`${JSON.stringify(record())}\n`, 'utf8')
      this.ensureFolder()
      let fd: number | undefined = this.open()
      try {
        const size = fstatSync(fd).size
        if (size > 0 && size + line.length > this.maxBytes) {
          closeSync(fd)
          fd = undefined
          this.rotate()
          fd = this.open()
        }
        writeSync(fd, line)
      } finally {
        if (fd !== undefined) closeSync(fd)
      }
    } catch {
      // Diagnostics are best effort: a failure to log must never become the caller's failure.
    }
  }

  private ensureFolder(): void {
    // Made again if someone deleted it while Keyhold ran; its mode is set once, for a folder
    // that already existed with a wider one.
    mkdirSync(this.options.dir, { recursive: true, mode: 0o700 })
    if (this.folderChecked) return
    chmodSync(this.options.dir, 0o700)
    this.folderChecked = true
  }

  private open(): number {
    const fd = openSync(this.file, OPEN_FLAGS, 0o600)
    try {
      // The mode given to open applies only to a new file, and only through the umask.
      fchmodSync(fd, 0o600)
    } catch (err) {
      closeSync(fd)
      throw err
    }
    return fd
  }

  /** keyhold.log → .1 → .2 …; the oldest beyond maxFiles is deleted. */
  private rotate(): void {
    const name = (n: number) => (n === 0 ? this.file : `${this.file}.${n}`)
    rmSync(name(this.maxFiles - 1), { force: true })
    for (let n = this.maxFiles - 2; n >= 0; n--) {
      try {
        renameSync(name(n), name(n + 1))
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      }
    }
  }
}

export function createFileLogger(options: FileLoggerOptions): DiagnosticsLogger {
  return new FileLogger(options)
}
