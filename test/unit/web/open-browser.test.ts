import { describe, expect, it } from 'vitest'
import { canOpenBrowser, openBrowser } from '../../../electron/web/open-browser'

const LINUX_DESKTOP = { DISPLAY: ':0' }

describe('whether the web host opens a browser (electron/web/open-browser.ts)', () => {
  it('never with BROWSER=none, however it is written, even on a desktop', () => {
    for (const none of ['none', 'NONE', 'None', '  none  ']) {
      expect(canOpenBrowser({ ...LINUX_DESKTOP, BROWSER: none }, 'linux'), JSON.stringify(none)).toBe(false)
      expect(canOpenBrowser({ BROWSER: none }, 'darwin'), JSON.stringify(none)).toBe(false)
    }
  })

  it('always with a BROWSER named, even in CI or with no display: the person asked for it', () => {
    expect(canOpenBrowser({ BROWSER: 'firefox', CI: '1' }, 'linux')).toBe(true)
    expect(canOpenBrowser({ BROWSER: '/opt/browser --new-window %s' }, 'linux')).toBe(true)
  })

  it('without BROWSER: not in CI, not on Linux without a display, else yes', () => {
    expect(canOpenBrowser({ CI: '1', ...LINUX_DESKTOP }, 'linux')).toBe(false)
    expect(canOpenBrowser({}, 'linux')).toBe(false)
    expect(canOpenBrowser({ BROWSER: '   ' }, 'linux')).toBe(false)
    expect(canOpenBrowser(LINUX_DESKTOP, 'linux')).toBe(true)
    expect(canOpenBrowser({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true)
    expect(canOpenBrowser({}, 'darwin')).toBe(true)
    expect(canOpenBrowser({}, 'win32')).toBe(true)
  })
})

describe('a browser that fails to open (real child processes)', () => {
  const failureOf = (env: NodeJS.ProcessEnv) =>
    new Promise<string>((resolve) => openBrowser('/tmp/keyhold-launch-file-that-is-never-read.html', resolve, 'linux', env))

  it('is reported with the command it tried: one that does not exist, one that exits with an error', async () => {
    expect(await failureOf({ BROWSER: '/nonexistent/browser' })).toBe('/nonexistent/browser')
    expect(await failureOf({ BROWSER: '/nonexistent/browser --new-window %s' })).toBe('/nonexistent/browser')
    expect(await failureOf({ BROWSER: 'false' })).toBe('false')
  })
})
