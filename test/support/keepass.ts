import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface KeepassEntry {
  readonly path: string
  readonly password?: string
  readonly username?: string
  readonly url?: string
  readonly notes?: string
}

const cli = (args: readonly string[], input: string) => execFileSync('keepassxc-cli', args, { input, stdio: ['pipe', 'pipe', 'pipe'] })

/**
 * A KeePass database written by KeePassXC's own command line (Debian's keepassxc package), in a
 * test's folder. `db-create` writes KDBX 3.1 until the database needs version 4; KeePassXC moves
 * to KDBX 4 on its own when an entry has custom data, so the database is made, exported to
 * KeePass XML, given one custom-data item, and imported by keepassxc-cli into a KDBX 4 file.
 */
export function keepassxcDatabase(dir: string, password: string, entries: readonly KeepassEntry[]): string {
  const draft = join(dir, 'draft.kdbx')
  cli(['db-create', '-q', '--set-password', draft], `${password}\n${password}\n`)
  for (const group of new Set(entries.map((e) => e.path.split('/').slice(0, -1).join('/')).filter(Boolean))) cli(['mkdir', '-q', draft, group], `${password}\n`)
  for (const e of entries) {
    const args = ['add', '-q', ...(e.username ? ['-u', e.username] : []), ...(e.url ? ['--url', e.url] : []), ...(e.notes ? ['--notes', e.notes] : []), ...(e.password !== undefined ? ['-p'] : []), draft, e.path]
    cli(args, e.password !== undefined ? `${password}\n${e.password}\n` : `${password}\n`)
  }
  const xml = cli(['export', '-q', draft], `${password}\n`).toString('utf8')
  const xmlPath = join(dir, 'draft.xml')
  writeFileSync(xmlPath, xml.replace('<Entry>', '<Entry><CustomData><Item><Key>made-by</Key><Value>keyhold-test</Value></Item></CustomData>'))
  const path = join(dir, 'keys.kdbx')
  cli(['import', '-q', '-p', xmlPath, path], `${password}\n${password}\n`)
  return path
}

/** The KDBX major version a file declares (bytes 10–11). */
export function kdbxMajorVersion(path: string): number {
  return readFileSync(path).readUInt16LE(10)
}
