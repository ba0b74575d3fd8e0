/**
 * Files in and out (DESIGN.md, "Files in and out"): what a file the person chooses is for, what the
 * window learns about it, and the limits both hosts apply. Dependency-free, like channels.ts.
 */

/** Why the window asks for a file: the open dialog (or the browser's file picker) offers these kinds. */
export const FILE_PURPOSES = ['share-file', 'vault-export', 'import'] as const
export type FilePurpose = (typeof FILE_PURPOSES)[number]

/** The endings each purpose offers first; "All files" is always offered too. */
export const FILE_PURPOSE_TYPES: Readonly<Record<FilePurpose, { readonly label: string; readonly extensions: readonly string[] }>> = {
  'share-file': { label: 'Keyhold share file', extensions: ['keyhold-share', 'age'] },
  'vault-export': { label: 'Keyhold export', extensions: ['keyhold-export', 'age'] },
  import: { label: 'Keys from another app', extensions: ['csv', 'env', 'kdbx', 'json', 'keyhold-export', 'txt'] },
}

/**
 * The largest file Keyhold reads or writes. A KeePass database or spreadsheet of 10,000 keys is a
 * few MiB; a limit keeps a wrong choice (a video, a disk image) from filling the host's memory.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024

/** A file held in core for one use: one the person chose to open, or one made for them to save. */
export interface FileRef {
  readonly fileId: string
  /** The file's own name, without any folder (core never learns where it was). */
  readonly name: string
  readonly size: number
}
