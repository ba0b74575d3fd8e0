/**
 * Text a provider sent (an error detail, a request id) is shown in the window and kept in the
 * history, so it is made safe once, here, before it is stored: nothing that is not printable, and
 * no more than a person can read.
 */

export const DETAIL_MAX_CHARS = 500
export const REQUEST_ID_MAX_CHARS = 128

/** Tab, line feed, carriage return and the Unicode line/paragraph separators read as a space. */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]+/gu
/**
 * C0 and C1 controls; bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the
 * bidi marks, which can make a detail read backwards; zero-width characters and the BOM.
 */
const NOT_PRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu

/** Printable text of at most `max` characters, ending in "…" when cut; null when nothing is left. */
export function cleanProviderText(value: string | null, max: number): string | null {
  if (value === null) return null
  const clean = value.replace(LINE_BREAKS, ' ').replace(NOT_PRINTABLE, '').trim()
  if (clean === '') return null
  if (clean.length <= max) return clean
  let cut = clean.slice(0, max - 1)
  // Never leave half of a surrogate pair at the cut.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut.trimEnd()}…`
}
