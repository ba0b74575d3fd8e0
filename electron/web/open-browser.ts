import { spawn } from 'node:child_process'

/** Whether a browser can be shown at all: never in CI, never on a Linux machine with no display. */
export function canOpenBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (env['CI']) return false
  if (platform === 'linux') return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY'])
  return platform === 'darwin' || platform === 'win32'
}

function openerFor(platform: NodeJS.Platform, url: string): [string, string[]] {
  switch (platform) {
    case 'darwin':
      return ['open', [url]]
    case 'win32':
      // `start` takes its first quoted argument as a window title, hence the empty one.
      return ['cmd', ['/c', 'start', '', url]]
    default:
      return ['xdg-open', [url]]
  }
}

/** Best effort: the address is printed anyway, so a missing or failing opener is not an error. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] = openerFor(platform, url)
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // Nothing to do: the printed address is the fallback.
  }
}
