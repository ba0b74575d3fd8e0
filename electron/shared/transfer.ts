import type { ImportSource } from './activity'

/**
 * Moving keys in and out (DESIGN.md, "Files in and out"): what an import preview shows and what
 * applying it did. Dependency-free, like files.ts. A preview names keys and providers only, never
 * a secret: the candidates themselves stay in core under the preview's id.
 */

/** What a CSV column can stand for; the person maps them, Keyhold guesses from the headers. */
export const CSV_ROLES = ['name', 'secret', 'url', 'account', 'notes'] as const
export type CsvRole = (typeof CSV_ROLES)[number]
/** Column index (0-based) for each role; a role left out is not in the file. */
export type CsvColumns = Partial<Record<CsvRole, number>>

export type ImportAction = 'add' | 'update' | 'skip'

export interface ImportRow {
  /** Where the key is in the file: a CSV's data row (1 = first below the headers), an entry's place. */
  readonly row: number
  readonly name: string
  /** The provider the key becomes (a registry id); null when the row is skipped before that. */
  readonly provider: string | null
  readonly action: ImportAction
  /** Why a row is skipped or updated, as a sentence of Keyhold's (never a value from the file). */
  readonly reason?: string
}

export interface ImportCounts {
  readonly add: number
  readonly update: number
  readonly skip: number
}

export interface ImportPreview {
  readonly previewId: string
  readonly source: ImportSource
  readonly rows: readonly ImportRow[]
  readonly counts: ImportCounts
  /** A CSV's headers and the columns used (the person's mapping, or Keyhold's guess). */
  readonly csv?: { readonly headers: readonly string[]; readonly mapping: CsvColumns }
}

export interface ImportResult {
  readonly added: number
  readonly updated: number
  readonly skipped: number
}
