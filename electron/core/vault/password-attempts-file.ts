import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Wrong master passwords since the last right one, and when the last was answered. */
export interface PasswordAttempts {
  readonly failures: number
  readonly lastFailureAt: number
}

/** Where the throttle keeps its count between runs; a real file, or anything a test builds that behaves like one. */
export interface PasswordAttemptsStore {
  /** What was last written; nothing when no wrong password was ever recorded. */
  read(): PasswordAttempts | 'none' | 'unreadable'
  /** Durable when it returns (or throws). */
  write(attempts: PasswordAttempts): void
}

export const PASSWORD_ATTEMPTS_FILE = 'password-attempts.json'

/**
 * A sidecar file beside the vault, not a table inside it. Why: the count must be written before a
 * wrong-password answer on unlock, when the vault is not open, and it must be readable before any
 * KDF runs, without opening (and so possibly migrating or backing up) the database; a write here
 * never touches the vault file, so it cannot cost a vault on a full disk. It holds no secret and
 * nothing about the keys: two numbers. 0600 in the 0700 data folder, like every file Keyhold writes.
 *
 * Deleting it resets the count, but whoever can delete files in the data folder can also copy the
 * vault and guess offline, where no throttle reaches; it is there against guessing through the
 * window or the web host, including by restarting the host between guesses.
 */
export function passwordAttemptsFile(dataDir: string): PasswordAttemptsStore {
  const file = join(dataDir, PASSWORD_ATTEMPTS_FILE)
  return {
    read() {
      let text: string
      try {
        text = readFileSync(file, 'utf8')
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'none'
        return 'unreadable'
      }
      try {
        const parsed = JSON.parse(text) as Partial<PasswordAttempts>
        const { failures, lastFailureAt } = parsed
        if (typeof failures === 'number' && Number.isSafeInteger(failures) && failures >= 0 && typeof lastFailureAt === 'number' && Number.isFinite(lastFailureAt)) {
          return { failures, lastFailureAt }
        }
      } catch {
        // Falls through: edited or damaged from outside (a write here is a rename, never half done).
      }
      return 'unreadable'
    },
    write(attempts) {
      // Written whole to a temporary name, synced, then renamed over the old one and the folder
      // synced: a crash leaves the old count or the new one, never a torn file.
      const temporary = `${file}.tmp`
      const fd = openSync(temporary, 'w', 0o600)
      try {
        writeSync(fd, JSON.stringify({ failures: attempts.failures, lastFailureAt: attempts.lastFailureAt }))
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(temporary, file)
      syncFolder(dirname(file))
    },
  }
}

/** Makes the rename itself durable. Windows cannot open a folder for syncing; there the rename is what it is. */
function syncFolder(dir: string): void {
  let fd: number
  try {
    fd = openSync(dir, 'r')
  } catch {
    return
  }
  try {
    fsyncSync(fd)
  } catch {
    // A folder that cannot be synced (some file systems): the file's own sync has already run.
  } finally {
    closeSync(fd)
  }
}
