import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/** Every file of the data folder (vault, WAL, backups), read as raw bytes. */
export function allFilesUnder(dir: string): { path: string; bytes: Buffer }[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name)
      return { path, bytes: readFileSync(path) }
    })
}

/** Which of `needles` occur in any of the files, as UTF-8 or UTF-16LE bytes. */
export function findPlaintext(files: { path: string; bytes: Buffer }[], needles: readonly string[]): string[] {
  const found: string[] = []
  for (const needle of needles) {
    for (const enc of ['utf8', 'utf16le'] as const) {
      const pattern = Buffer.from(needle, enc)
      for (const f of files) if (f.bytes.includes(pattern)) found.push(`${needle} (${enc}) in ${f.path}`)
    }
  }
  return found
}
