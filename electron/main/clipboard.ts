// The desktop host's ClipboardPort: Electron 45's clipboard, with the "concealed" hints that keep
// a copied secret out of clipboard managers' history (DESIGN.md "Clipboard", SECURITY.md §3).
import type { Clipboard, ClipboardItem } from 'electron'
import { ClipboardUnavailableError, type ClipboardHints, type ClipboardPort } from '../core/clipboard/clipboard-port'

/** The part of Electron's `clipboard` module this port uses (a parameter, so tests pass doubles). */
export type ElectronClipboard = Pick<Clipboard, 'write' | 'readText' | 'clear'> & {
  /**
   * Electron 45's Linux selection (PRIMARY) clipboard, with the same methods as the top-level
   * module; `undefined` on every other platform although Electron's typings declare it always.
   */
  readonly selection?: Pick<Clipboard, 'write' | 'clear'> | undefined
}

/**
 * How Electron 45 names a raw OS clipboard format (docs/api/clipboard.md, "electron
 * application/osclipboard;format=\"<name>\""): the same string on write, `has()` and `read()`.
 */
export const rawFormat = (name: string): string => `electron application/osclipboard;format="${name}"`

/**
 * A payload Electron 45 writes as raw bytes. Its ClipboardItem accepts, for every MIME type, a
 * `string` (UTF-8 encoded into the payload) or a `Blob` (the raw payload bytes) — electron.d.ts 45.4.1
 * `new ClipboardItem(items: Record<string, string | ClipboardBookmark | Blob | Promise<Blob | string>>)`
 * and docs/api/clipboard-item.md ("a `Blob` supplies the raw payload bytes").
 */
type Payload = string | Blob

/**
 * A Windows DWORD: 4 bytes, little-endian. Microsoft Learn, "Clipboard Formats" → "Cloud Clipboard
 * and Clipboard History Formats": CanIncludeInClipboardHistory and CanUploadToCloudClipboard take a
 * DWORD, 0 to exclude the content; ExcludeClipboardContentFromMonitorProcessing needs only to be present.
 */
function dword(value: number): Blob {
  const bytes = new Uint8Array(4)
  new DataView(bytes.buffer).setUint32(0, value, true)
  return new Blob([bytes])
}

interface PlatformHints {
  /** The raw-format entries written beside `text/plain` (fresh each call: a Blob is read on write). */
  readonly markers: () => Record<string, Payload>
  readonly hints: ClipboardHints
}

const UNVERIFIED = 'whether the system and clipboard managers honour hints written this way by Electron is not yet verified on a real machine'

function platformHints(platform: NodeJS.Platform, withPrimary: boolean): PlatformHints {
  switch (platform) {
    case 'darwin':
      return {
        // Presence is the signal (nspasteboard.org); an empty string is an empty payload.
        markers: () => ({ [rawFormat('org.nspasteboard.ConcealedType')]: '' }),
        hints: {
          concealed: true,
          description: `The macOS pasteboard, written with org.nspasteboard.ConcealedType so clipboard managers keep the value out of their history; ${UNVERIFIED}.`,
        },
      }
    case 'win32':
      return {
        markers: () => ({
          [rawFormat('ExcludeClipboardContentFromMonitorProcessing')]: '',
          [rawFormat('CanIncludeInClipboardHistory')]: dword(0),
          [rawFormat('CanUploadToCloudClipboard')]: dword(0),
        }),
        hints: {
          concealed: true,
          description: `The Windows clipboard, written with ExcludeClipboardContentFromMonitorProcessing, CanIncludeInClipboardHistory = 0 and CanUploadToCloudClipboard = 0 so clipboard history, cloud sync and clipboard managers skip the value; ${UNVERIFIED}.`,
        },
      }
    case 'linux':
      return {
        markers: () => ({ [rawFormat('x-kde-passwordManagerHint')]: 'secret' }),
        hints: {
          concealed: true,
          description: `The ${withPrimary ? 'CLIPBOARD and PRIMARY selections' : 'CLIPBOARD selection'}, written with x-kde-passwordManagerHint = secret so clipboard managers such as clipcat, vicinae and gnome-clipboard-history keep the value out of their history; ${UNVERIFIED}.`,
        },
      }
    default:
      return {
        markers: () => ({}),
        hints: {
          concealed: false,
          description: `The system clipboard on ${platform}, written as plain text with no history hint, so a clipboard manager may keep the value.`,
        },
      }
  }
}

/**
 * Electron's clipboard as core's ClipboardPort. The modules are parameters so unit tests pass
 * doubles; the composition root passes Electron's `clipboard` and `ClipboardItem`.
 *
 * Errors carry fixed sentences only: the secret (or anything read from the clipboard) never goes
 * into an error message, a cause or a log.
 */
export function createElectronClipboard(
  clipboard: ElectronClipboard,
  ClipboardItemCtor: typeof ClipboardItem,
  platform: NodeJS.Platform = process.platform,
): ClipboardPort {
  // Linux's PRIMARY selection (middle-click paste), where Electron exposes it.
  const primary = platform === 'linux' ? clipboard.selection : undefined
  const { markers, hints } = platformHints(platform, primary !== undefined)
  const item = (text: string) => new ClipboardItemCtor({ 'text/plain': text, ...markers() })

  return {
    hints,

    async writeSecret(text) {
      try {
        // ONE write: Electron 45 commits every entry of a write() atomically, so the text is never
        // on the clipboard without its hints.
        await clipboard.write([item(text)])
      } catch {
        throw new ClipboardUnavailableError('Electron could not write to the system clipboard.')
      }
      if (primary === undefined) return
      // PRIMARY is a separate clipboard, so this is a second, separate write (its own atomic
      // commit, with the same hint). The copy already succeeded on CLIPBOARD, which core tracks
      // and clears; if PRIMARY refuses, middle-click paste just won't offer the value.
      try {
        await primary.write([item(text)])
      } catch {
        console.warn('Keyhold could not also put the copied value on the PRIMARY selection.')
      }
    },

    async readText() {
      try {
        return await clipboard.readText()
      } catch {
        throw new ClipboardUnavailableError('Electron could not read the system clipboard.')
      }
    },

    async clear() {
      let failed = false
      try {
        clipboard.clear()
      } catch {
        failed = true
      }
      if (primary !== undefined) {
        try {
          primary.clear()
        } catch {
          failed = true
        }
      }
      if (failed) throw new ClipboardUnavailableError('Electron could not empty the system clipboard.')
    },
  }
}
