import type { ImportSource } from '../../shared/activity'
import type { ProviderDetailsInput } from '../../shared/dto'

/**
 * One key as a source file gave it, before Keyhold decides which provider it is. Sources only
 * read their format; recognising the provider and validating the key happen once, for all of them.
 */
export interface Candidate {
  /** The key's place in the file (a CSV's data row, an entry's position), for the preview. */
  readonly row: number
  readonly name: string
  readonly secret: string
  /** An address that came with the key (a URL column, a login's URI, a KeePass entry's URL). */
  readonly url?: string | undefined
  /** A username that came with it (Threadeo's API key travels as one). */
  readonly username?: string | undefined
  readonly notes?: string | undefined
  readonly tags?: readonly string[] | undefined
  readonly expiresOn?: string | null | undefined
  /** A Keyhold export already knows the provider: its details are kept as they were. */
  readonly details?: ProviderDetailsInput | undefined
  /** Keyhold's own files hold a secret exactly as stored; other apps' cells may carry stray spaces. */
  readonly exact?: boolean
}

/** A row that is not a key Keyhold can take, with Keyhold's own sentence for why. */
export interface SkippedRow {
  readonly row: number
  readonly name: string
  readonly reason: string
}

/** What one file yielded. */
export interface SourceRead {
  readonly source: ImportSource
  readonly candidates: readonly Candidate[]
  readonly skipped: readonly SkippedRow[]
  readonly csv?: { readonly headers: readonly string[]; readonly mapping: Partial<Record<string, number>> }
}

/** A name for a key that came without one: where it is used, else its place in the file. */
export function fallbackName(row: number, url: string | undefined, hint?: string): string {
  if (hint) return hint
  if (url && URL.canParse(url)) return new URL(url).hostname
  return `Imported key ${row}`
}
