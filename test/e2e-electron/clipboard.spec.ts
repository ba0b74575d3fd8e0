// The desktop clipboard port (electron/main/clipboard.ts) on the real system clipboard, where an
// Electron binary exists: inside the launched app's main process it writes a value through the
// port, then reads back with Electron's own clipboard that the text and this platform's concealed
// hints (raw OS formats, with their exact bytes) are there, and that clear() empties them.
// Elsewhere it skips and says why, as electron.spec.ts does.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron, expect, test, type ElectronApplication } from '@playwright/test'
import { build } from 'vite'
import type { createElectronClipboard } from '../../electron/main/clipboard'
import { electronBinary } from '../support/electron-binary'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const MAIN_ENTRY = join(ROOT, 'out', 'main', 'index.js')
const PORT_SOURCE = join(ROOT, 'electron', 'main', 'clipboard.ts')

const binary = electronBinary()
const skipReason =
  'missing' in binary
    ? `${binary.missing}, so the desktop clipboard cannot be exercised here; test/unit/electron/clipboard.test.ts checks the same writes against stand-ins.`
    : ''
// The list reporter shows a skipped test without its reason, so say it once, as the file is collected.
if (skipReason) console.warn(`Skipped: ${skipReason}`)

const raw = (name: string) => `electron application/osclipboard;format="${name}"`
const utf8 = (text: string) => [...new TextEncoder().encode(text)]

/** The hints this machine's platform should carry, as raw format → exact payload bytes. */
function expectedHints(platform: NodeJS.Platform): Record<string, number[]> {
  switch (platform) {
    case 'darwin':
      return { [raw('org.nspasteboard.ConcealedType')]: [] }
    case 'win32':
      return {
        [raw('ExcludeClipboardContentFromMonitorProcessing')]: [],
        [raw('CanIncludeInClipboardHistory')]: [0, 0, 0, 0],
        [raw('CanUploadToCloudClipboard')]: [0, 0, 0, 0],
      }
    default:
      return { [raw('x-kde-passwordManagerHint')]: utf8('secret') }
  }
}

/**
 * The port, bundled on its own as CommonJS so the running app's main process can load it: the
 * built app (out/main) does not export it, and an evaluated function cannot import.
 */
async function bundlePort(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      ssr: PORT_SOURCE,
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'clipboard.cjs' } },
    },
  })
  return join(outDir, 'clipboard.cjs')
}

type PortModule = { createElectronClipboard: typeof createElectronClipboard }

test.describe('the desktop clipboard (Electron)', () => {
  test.skip(skipReason !== '', skipReason)

  let app: ElectronApplication
  let workDir: string
  let bundle: string

  test.beforeAll(async () => {
    if (!('path' in binary)) return
    // Built beforehand (npm run test:e2e and npm test do), as electron.spec.ts expects.
    expect(existsSync(MAIN_ENTRY), `${MAIN_ENTRY} is missing: run \`npm run build\` first`).toBe(true)
    workDir = mkdtempSync(join(tmpdir(), 'keyhold-clipboard-'))
    bundle = await bundlePort(join(workDir, 'port'))
    app = await _electron.launch({
      executablePath: binary.path,
      // Chromium refuses to start its OS sandbox as root; the window's `sandbox: true` still applies.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT],
      cwd: ROOT,
      env: { ...process.env, KEYHOLD_DATA_DIR: join(workDir, 'data') },
    })
    await app.firstWindow()
  })

  test.afterAll(async () => {
    await app?.close()
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  })

  test('writeSecret puts the text and the concealed hints on the real clipboard; clear() removes them', async () => {
    // A throwaway value: this test overwrites the machine's clipboard.
    const secret = `keyhold-e2e-not-a-real-key-${Date.now().toString(36)}`
    const expected = expectedHints(process.platform)

    // Runs in the app's main process: only what is passed in or defined inside is in scope.
    const seen = await app.evaluate(
      async ({ clipboard, ClipboardItem }, { bundle, secret, formats }) => {
        const { createRequire } = process.getBuiltinModule('node:module')
        const { createElectronClipboard } = createRequire(bundle)(bundle) as PortModule
        const port = createElectronClipboard(clipboard, ClipboardItem)

        type Board = Pick<typeof clipboard, 'has' | 'read' | 'readText'>
        const look = async (board: Board) => {
          const items = await board.read()
          const bytes: Record<string, number[] | null> = {}
          const has: Record<string, boolean> = {}
          for (const format of formats) {
            has[format] = await board.has(format)
            const item = items.find((i) => i.types.includes(format))
            const payload = item ? await item.getType(format) : null
            bytes[format] = payload instanceof Blob ? [...new Uint8Array(await payload.arrayBuffer())] : null
          }
          return { text: await board.readText(), has, bytes }
        }
        // Electron 45 exposes PRIMARY as `clipboard.selection` on Linux only.
        const primary = process.platform === 'linux' ? (clipboard.selection as Board | undefined) : undefined

        await port.writeSecret(secret)
        const afterWrite = { clipboard: await look(clipboard), primary: primary ? await look(primary) : null }
        const readBack = await port.readText()
        await port.clear()
        const afterClear = { clipboard: await look(clipboard), primary: primary ? await look(primary) : null }
        return { hints: port.hints, readBack, afterWrite, afterClear }
      },
      { bundle, secret, formats: Object.keys(expected) },
    )

    const allPresent = Object.fromEntries(Object.keys(expected).map((f) => [f, true]))
    const allAbsent = Object.fromEntries(Object.keys(expected).map((f) => [f, false]))
    const boards = process.platform === 'linux' ? (['clipboard', 'primary'] as const) : (['clipboard'] as const)

    expect(seen.hints.concealed).toBe(true)
    expect(seen.readBack).toBe(secret)
    for (const board of boards) {
      const after = seen.afterWrite[board]
      expect(after, `${board} after writeSecret`).not.toBeNull()
      expect(after?.text, `${board} text`).toBe(secret)
      expect(after?.has, `${board} hint formats present`).toStrictEqual(allPresent)
      expect(after?.bytes, `${board} hint payloads`).toStrictEqual(expected)

      const cleared = seen.afterClear[board]
      expect(cleared?.text, `${board} text after clear`).toBe('')
      expect(cleared?.has, `${board} hint formats after clear`).toStrictEqual(allAbsent)
    }
  })
})
