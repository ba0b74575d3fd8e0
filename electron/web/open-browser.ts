import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Names a program to open the browser with instead of the platform's own (`xdg-open`, `open`,
 * `start`). It is given one argument, the launch file's path.
 */
export const OPENER_ENV = 'KEYHOLD_BROWSER_OPENER'

/**
 * The usual way to choose a browser from a terminal (Python's webbrowser, Jupyter, npm): a command
 * to run, or `none` for no browser at all.
 */
export const BROWSER_ENV = 'BROWSER'

/**
 * Whether a browser can be shown at all: not with BROWSER=none, and unless a browser was named,
 * never in CI nor on a Linux machine with no display.
 */
export function canOpenBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (env[OPENER_ENV]) return true
  const browser = env[BROWSER_ENV]?.trim()
  if (browser?.toLowerCase() === 'none') return false
  if (browser) return true
  if (env['CI']) return false
  if (platform === 'linux') return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY'])
  return platform === 'darwin' || platform === 'win32'
}

function openerFor(platform: NodeJS.Platform, target: string, env: NodeJS.ProcessEnv): [string, string[]] {
  const chosen = env[OPENER_ENV]
  if (chosen) return [chosen, [target]]
  const browser = env[BROWSER_ENV]?.trim()
  if (browser) {
    // Words split on spaces, no shell; `%s` marks where the file goes, else it comes last.
    const [command = browser, ...words] = browser.split(/\s+/)
    return words.includes('%s') ? [command, words.map((w) => (w === '%s' ? target : w))] : [command, [...words, target]]
  }
  switch (platform) {
    case 'darwin':
      return ['open', [target]]
    case 'win32':
      // `start` takes its first quoted argument as a window title, hence the empty one.
      return ['cmd', ['/c', 'start', '', target]]
    default:
      return ['xdg-open', [target]]
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A page that sends the browser on to `address` at once, with a link in case it does not. */
export function launchPage(address: string): string {
  const href = escapeHtml(address)
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    '<title>Opening Keyhold…</title></head>',
    `<body><p><a href="${href}">Open Keyhold</a></p></body></html>`,
    '',
  ].join('\n')
}

export interface LaunchFile {
  /** The file's path: what the browser is opened with. */
  readonly path: string
  remove(): void
}

/**
 * Jupyter's way of keeping the one-time address off every command line (any local user can read
 * /proc/<pid>/cmdline): the address goes into a file only this user can read, in a folder only
 * this user can enter, and the browser is opened on the file's path. A leftover from a host that
 * did not stop cleanly is replaced.
 */
export function writeLaunchFile(folder: string, address: string): LaunchFile {
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  // mkdir's mode is filtered by the umask, and the folder may have existed with looser rights.
  chmodSync(folder, 0o700)
  const path = join(folder, 'open-keyhold.html')
  // `wx`: never follow or reuse something another process placed here in between.
  writeFileSync(path, launchPage(address), { mode: 0o600, flag: 'wx' })
  chmodSync(path, 0o600)
  return { path, remove: () => rmSync(folder, { recursive: true, force: true }) }
}

/**
 * Best effort: the address is printed anyway. A browser that cannot start, or an opener that exits
 * with an error, is passed to `onFailure` with the command's name, so the caller can say so and
 * point at the printed address. `target` is the launch file's path, never the address itself.
 */
export function openBrowser(
  target: string,
  onFailure: (command: string) => void = () => undefined,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const [command, args] = openerFor(platform, target, env)
  let reported = false
  const fail = () => {
    if (!reported) onFailure(command)
    reported = true
  }
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true })
    child.on('error', fail)
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) fail()
    })
    // A browser run directly stays open: it must not keep the host from exiting.
    child.unref()
  } catch {
    fail()
  }
}
