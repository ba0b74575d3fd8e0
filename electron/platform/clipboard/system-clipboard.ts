import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { ClipboardUnavailableError, type ClipboardHints, type ClipboardPort } from '../../core/clipboard/clipboard-port'
import { MACOS_TOOLS, ToolClipboard, WAYLAND_TOOLS, WINDOWS_TOOLS } from './tool-clipboard'
import { X11Clipboard } from './x11/x11-clipboard'

/**
 * The web host's clipboard: the system clipboard of the machine it runs on.
 *
 * - Windows: PowerShell; macOS: pbcopy/pbpaste (neither can add the concealed marks).
 * - Linux (and other Unix) with an X11 display: an in-process X11 selection owner that serves
 *   the text with x-kde-passwordManagerHint = secret on CLIPBOARD and PRIMARY, as KeePassXC does.
 *   Under XWayland too: the compositor passes the X11 clipboard on to Wayland programs.
 * - Wayland alone: wl-copy/wl-paste, when installed (no password hint in wl-clipboard 2.1).
 * - Nothing of these: every call fails with ClipboardUnavailableError, saying why.
 *
 * The X11 connection is authorised from XAUTHORITY (or ~/.Xauthority) as this process sees it.
 */
export function createSystemClipboard(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ClipboardPort {
  if (platform === 'win32') return new ToolClipboard(WINDOWS_TOOLS, { env })
  if (platform === 'darwin') return new ToolClipboard(MACOS_TOOLS, { env })
  if (env.DISPLAY) return new X11Clipboard({ display: env.DISPLAY })
  if (env.WAYLAND_DISPLAY) {
    if (onPath('wl-copy', env) && onPath('wl-paste', env)) return new ToolClipboard(WAYLAND_TOOLS, { env })
    return new UnavailableClipboard('There is no clipboard here: this Wayland session has no wl-copy and wl-paste (install wl-clipboard).')
  }
  return new UnavailableClipboard('There is no clipboard here: no X11 display (DISPLAY) and no Wayland display (WAYLAND_DISPLAY) is set.')
}

/** Where no clipboard can be reached: every call fails plainly, with the reason. */
export class UnavailableClipboard implements ClipboardPort {
  readonly hints: ClipboardHints

  constructor(private readonly reason: string) {
    this.hints = { concealed: false, description: reason }
  }

  async writeSecret(): Promise<void> {
    throw new ClipboardUnavailableError(this.reason)
  }

  async readText(): Promise<string> {
    throw new ClipboardUnavailableError(this.reason)
  }

  async clear(): Promise<void> {
    throw new ClipboardUnavailableError(this.reason)
  }

  async wipe(): Promise<void> {
    throw new ClipboardUnavailableError(this.reason)
  }

  async close(): Promise<void> {}
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .some((dir) => {
      try {
        accessSync(join(dir, command), constants.X_OK)
        return true
      } catch {
        return false
      }
    })
}
