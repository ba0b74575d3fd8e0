/**
 * Vault-to-vault share files (DESIGN.md, "Lifecycle flows" → Share): what the window and core both
 * need to know about a sharing code, its fingerprint and a share file's passphrase. Plain
 * TypeScript: the fingerprint uses Web Crypto's SHA-256, which both Node and the window have.
 */
import type { KeyDetail } from './dto'
import type { FileRef } from './files'

/**
 * A vault's sharing code is its age X25519 recipient: "age1" and 58 bech32 characters. Only the
 * shape is checked here (the window's live hint); core also checks the bech32 checksum through
 * age itself before it encrypts anything to it.
 */
export const SHARE_CODE_PATTERN = /^age1[02-9ac-hj-np-z]{58}$/

/** A pasted code with whatever a chat or an email wrapped around it: spaces, line breaks, case. */
export function normalizeShareCode(pasted: string): string {
  return pasted.replace(/\s+/g, '').toLowerCase()
}

export function looksLikeShareCode(pasted: string): boolean {
  return SHARE_CODE_PATTERN.test(normalizeShareCode(pasted))
}

/**
 * Crockford's base32: no I, L, O or U, so what is read aloud or typed back cannot be mistaken for
 * another character (an O typed for a 0 is read as 0; an I or L as 1).
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** Bytes as Crockford base32, 5 bits a character; `chars` characters from the start. */
export function crockford(bytes: Uint8Array, chars: number): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < chars) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return out
}

/** Groups of four, joined by dashes: what a person reads out. */
export function inFours(text: string): string {
  return (text.match(/.{1,4}/g) ?? []).join('-')
}

/**
 * The code's fingerprint for comparing aloud: SHA-256 of the code (as normalized), its first 80
 * bits as 16 Crockford base32 characters in 4 groups of 4, e.g. `K7QM-2XPA-9D4H-TR0B`. Finding
 * another code with the same fingerprint would take about 2^80 tries.
 */
export async function shareCodeFingerprint(code: string): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalizeShareCode(code))))
  return inFours(crockford(digest, 16))
}

/** A generated passphrase: 28 Crockford base32 characters (140 bits from crypto random), in 7 groups of 4. */
export const SHARE_PASSPHRASE_CHARS = 28

/**
 * The passphrase as the person typed it back: case, spaces and dashes do not matter, and the
 * letters Crockford's base32 leaves out are read as the digits they look like. A typo stays a
 * typo (it is simply the wrong passphrase).
 */
export function normalizeSharePassphrase(typed: string): string {
  const plain = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return inFours(plain)
}

/** A share file's ending: the open dialog offers it first. */
export const SHARE_FILE_EXTENSION = 'keyhold-share'

/** What a share file holds, as the window is shown it before adding: never the secret. */
export interface SharePreview {
  readonly provider: string
  readonly name: string
  readonly account: string
  readonly tags: readonly string[]
  readonly expiresOn: string | null
  /** The provider's own fields (base URL, account id, …); the secret is not among them. */
  readonly details: Readonly<Record<string, unknown>> & { readonly provider: string }
  /** When the sender made the file (ms since the epoch). */
  readonly sharedAt: number
  /** The same provider and secret are already in this vault: adding would only point at it. */
  readonly existingKeyId: string | null
}

/** What opening a share file answers. */
export type ShareOpened =
  | {
      /** Made with a passphrase: open it again with the passphrase, by this id (the same file, held again). */
      readonly needsPassphrase: true
      readonly fileId: string
    }
  | {
      readonly needsPassphrase: false
      /** Held in core until the vault locks; `share.accept` adds it. */
      readonly previewId: string
      readonly preview: SharePreview
    }

export interface ShareMade {
  readonly file: FileRef
  /** To a passphrase: Keyhold's generated passphrase, answered this once and kept nowhere. */
  readonly passphrase?: string
  /** To a sharing code: the code's fingerprint, to compare aloud with the recipient's. */
  readonly fingerprint?: string
}

/** A vault's own sharing code, to hand out, and its fingerprint, to compare aloud. */
export interface SharingCode {
  readonly code: string
  readonly fingerprint: string
}

/** What `share.accept` answers: the key added, or the one already in the vault (nothing written). */
export interface ShareAccepted {
  readonly added: boolean
  readonly key: KeyDetail
}
