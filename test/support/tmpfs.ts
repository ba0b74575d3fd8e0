import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A small real filesystem (tmpfs) the test mounts, so "the disk is full" and "the disk is
 * read-only" are the kernel's answers (ENOSPC, EROFS), not a simulation. Mounting needs root,
 * which the CI run has; elsewhere the test fails saying so rather than silently skipping.
 */
export interface SmallDisk {
  readonly path: string
  /** Writes a filler file until the disk refuses another byte. */
  fill(): void
  /** Deletes the filler. */
  free(): void
  readOnly(): void
  writable(): void
  remove(): void
}

export function mountSmallDisk(sizeKiB = 4096): SmallDisk {
  const path = mkdtempSync(join(tmpdir(), 'keyhold-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', path], { stdio: 'pipe' })
  } catch (err) {
    rmSync(path, { recursive: true, force: true })
    const why = err instanceof Error && 'stderr' in err ? String(err.stderr).trim() : String(err)
    throw new Error(`These tests mount a small tmpfs to fill it or make it read-only, which needs root (the CI run is root): ${why}`)
  }
  const filler = join(path, 'filler')
  return {
    path,
    fill() {
      const fd = openSync(filler, 'a')
      try {
        for (const size of [65_536, 4096, 1]) {
          const chunk = Buffer.alloc(size, 0x55)
          try {
            for (;;) writeSync(fd, chunk)
          } catch {
            // ENOSPC: on to the next, smaller chunk, until not even one byte fits.
          }
        }
      } finally {
        closeSync(fd)
      }
    },
    free: () => rmSync(filler, { force: true }),
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', path]),
    writable: () => execFileSync('mount', ['-o', 'remount,rw', path]),
    remove() {
      execFileSync('umount', [path])
      rmSync(path, { recursive: true, force: true })
    },
  }
}
