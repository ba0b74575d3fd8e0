/**
 * The system clipboard, as core needs it. Copy happens in core, never in the window: each host
 * passes its own implementation (the desktop host Electron's clipboard, the web host the
 * clipboard of the machine it runs on), and unit tests an in-memory one.
 */
export interface ClipboardPort {
  /**
   * Puts `text` on the clipboard in ONE write, together with the hints clipboard managers honour
   * to keep a secret out of their history (macOS org.nspasteboard.ConcealedType; Windows
   * ExcludeClipboardContentFromMonitorProcessing, CanIncludeInClipboardHistory = 0,
   * CanUploadToCloudClipboard = 0; Linux x-kde-passwordManagerHint = secret) where it can.
   */
  writeSecret(text: string): Promise<void>
  /** The clipboard's current text; '' when it is empty or holds no text. */
  readText(): Promise<string>
  /** Empties the clipboard of what this port put there (core checks it is still ours first). */
  clear(): Promise<void>
  /**
   * Empties the clipboard whoever put the text there — for "Paste from clipboard", where the key
   * came from another program. Ports whose clear() already empties it regardless leave this out.
   */
  wipe?(): Promise<void>
  /** What this implementation does about history hints, for the window and the README. */
  readonly hints: ClipboardHints
  /** Releases what the implementation holds (an X11 connection, a helper process). */
  close?(): Promise<void>
}

export interface ClipboardHints {
  /** True when the concealed/no-history hint is written alongside the text. */
  readonly concealed: boolean
  /** One plain sentence: which clipboard this is and what it does or cannot do. */
  readonly description: string
}

/** Where no system clipboard can be reached (no display, no tool): copy fails plainly. */
export class ClipboardUnavailableError extends Error {}
