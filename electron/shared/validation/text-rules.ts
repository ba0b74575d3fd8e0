/** C0 and C1 control characters, DEL included. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u
/** Control characters other than tab, line feed and carriage return (allowed in notes). */
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u
/** Zero-width and byte-order characters that copying from web pages and documents leaves behind. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/u

export const SECRET_MAX_BYTES = 16 * 1024

export function hasControlChars(text: string): boolean {
  return CONTROL.test(text)
}

export function hasControlCharsBesidesLineBreaks(text: string): boolean {
  return CONTROL_EXCEPT_LINES.test(text)
}

export function hasEdgeWhitespace(secret: string): boolean {
  return secret !== secret.trim()
}

export function hasInvisibleChars(secret: string): boolean {
  return INVISIBLE.test(secret)
}

/** Whitespace at either end or an invisible character anywhere: usually a copy-paste accident. */
export function hasStrayWhitespace(secret: string): boolean {
  return hasEdgeWhitespace(secret) || hasInvisibleChars(secret)
}

/** What the window offers when it reports SECRET_WHITESPACE. */
export function withoutStrayWhitespace(secret: string): string {
  return secret.replace(new RegExp(INVISIBLE.source, 'gu'), '').trim()
}

/** Control characters inside a secret (edges are reported as whitespace instead). */
export function hasInnerControlChars(secret: string): boolean {
  return CONTROL.test(secret.trim())
}

const encoder = new TextEncoder()

export function utf8Length(text: string): number {
  return encoder.encode(text).length
}
