import { chmodSync, closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, statSync } from 'node:fs'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/*
 * Why explicit modes and chmod, not process.umask(): the umask is process-wide, so in the desktop
 * app it would also narrow what Electron and the person's own saved exports write; it cannot be
 * set from a worker thread; and it only narrows modes at creation, so it would never tighten a
 * folder that already existed (Electron makes `userData` 0755 before core starts). Instead every
 * folder and file Keyhold writes is created with its mode and chmod'ed after (the mode given to
 * mkdir/open passes through the umask). SQLite gives a database's -wal, -shm and -journal the
 * mode of the database file itself, so a database file created 0600 keeps its sidecars 0600.
 */

/** Windows has no POSIX modes: Node maps chmod to the read-only flag there, so nothing is checked. */
const POSIX = process.platform !== 'win32'

/**
 * A folder only its owner can enter: made if missing, chmod'ed if it was wider. A folder that
 * cannot be narrowed is still used (the start check reports it; the files in it are 0600).
 */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE })
  tighten(path, PRIVATE_DIR_MODE)
}

/** Creates a new, empty file readable by its owner only; fails if the name is taken. */
export function createPrivateFile(path: string): void {
  const fd = openSync(path, 'wx', PRIVATE_FILE_MODE)
  try {
    if (POSIX) fchmodSync(fd, PRIVATE_FILE_MODE)
  } finally {
    closeSync(fd)
  }
}

/** Sets a file or folder to the private mode when it is wider; answers false where that did not hold. */
export function tighten(path: string, mode: number): boolean {
  if (!POSIX) return true
  try {
    if ((statSync(path).mode & 0o777 & ~mode) === 0) return true
    chmodSync(path, mode)
    return (statSync(path).mode & 0o777 & ~mode) === 0
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true
    return false
  }
}

/** Flushes a file's bytes to the disk before a rename or link makes it the one that counts. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Flushes a folder's entries, so a rename or link survives a power cut. Windows cannot open a
 * folder as a file (and commits renames itself); there this does nothing.
 */
export function fsyncDir(path: string): void {
  if (!POSIX) return
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
