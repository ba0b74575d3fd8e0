import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, describe, expect, it } from 'vitest'
import { ClipboardUnavailableError } from '../../electron/core/clipboard/clipboard-port'
import { createSystemClipboard, UnavailableClipboard } from '../../electron/platform/clipboard/system-clipboard'
import {
  MACOS_TOOLS,
  ToolClipboard,
  WAYLAND_TOOLS,
  WINDOWS_TOOLS,
  type SpawnFn,
  type ToolClipboardSpec,
} from '../../electron/platform/clipboard/tool-clipboard'
import { X11Clipboard } from '../../electron/platform/clipboard/x11/x11-clipboard'

/*
 * The tool-based clipboards (wl-copy, pbcopy, PowerShell) cannot run here, so their mechanics are
 * proven with stand-in tools — small Node programs keeping "the clipboard" in a file — run for
 * real through the same code, and every spawn is recorded to show the value never reaches an
 * argument list or an environment.
 */

const SECRET = '  sk-tool_ключ_🔑_' + 'x'.repeat(16 * 1024)
const dir = mkdtempSync(join(tmpdir(), 'keyhold-tool-clipboard-'))
const clipFile = join(dir, 'clip')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const node = (code: string): { command: string; args: string[]; env: Record<string, string> } => ({
  command: process.execPath,
  args: ['-e', code],
  env: { CLIP_FILE: clipFile },
})

const FAKE: ToolClipboardSpec = {
  name: 'fake-copy',
  write: node("require('fs').writeFileSync(process.env.CLIP_FILE, require('fs').readFileSync(0))"),
  read: node("const fs = require('fs'); if (!fs.existsSync(process.env.CLIP_FILE)) process.exit(1); process.stdout.write(fs.readFileSync(process.env.CLIP_FILE))"),
  clear: node("require('fs').rmSync(process.env.CLIP_FILE, { force: true })"),
  emptyOnFailure: true,
  hints: { concealed: false, description: 'A stand-in tool.' },
}

interface Recorded {
  readonly command: string
  readonly args: readonly string[]
  readonly env: NodeJS.ProcessEnv
}

function recordingSpawn(): { spawn: SpawnFn; calls: Recorded[] } {
  const calls: Recorded[] = []
  return {
    calls,
    spawn: (command: string, args: readonly string[], options: SpawnOptions): ChildProcess => {
      calls.push({ command, args, env: options.env ?? {} })
      return spawn(command, args, options)
    },
  }
}

describe('ToolClipboard, run for real with stand-in tools', () => {
  it('writes on standard input, reads it back exactly, and clears; the value is in no argument or environment', async () => {
    const { spawn: recorded, calls } = recordingSpawn()
    const clip = new ToolClipboard(FAKE, { spawn: recorded })
    await clip.writeSecret(SECRET)
    expect(await clip.readText()).toBe(SECRET)
    await clip.clear()
    expect(await clip.readText()).toBe('')
    await clip.writeSecret(SECRET)
    await clip.wipe()
    expect(await clip.readText()).toBe('')
    expect(calls.length).toBe(7)
    for (const call of calls) {
      expect(call.args.some((a) => a.includes('sk-tool'))).toBe(false)
      expect(Object.values(call.env).some((v) => v?.includes('sk-tool'))).toBe(false)
    }
  })

  it('does not wait for a child the writer leaves behind holding its output (as wl-copy and xclip do)', async () => {
    const forking: ToolClipboardSpec = {
      ...FAKE,
      write: node(
        "require('fs').readFileSync(0); require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 1500)'], { detached: true, stdio: 'inherit' }).unref()",
      ),
    }
    const started = performance.now()
    await new ToolClipboard(forking).writeSecret(SECRET)
    expect(performance.now() - started).toBeLessThan(1200)
  })

  it('fails plainly, without the value, when the tool is missing, fails, or hangs', async () => {
    const missing = new ToolClipboard({ ...FAKE, write: { command: 'keyhold-no-such-tool', args: [] } })
    const failing = new ToolClipboard({ ...FAKE, write: node('process.exit(3)') })
    const hanging = new ToolClipboard({ ...FAKE, write: node('setInterval(() => {}, 1000)') }, { timeoutMs: 300 })
    const messages: string[] = []
    for (const clip of [missing, failing, hanging]) {
      const err = await clip.writeSecret(SECRET).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ClipboardUnavailableError)
      messages.push((err as Error).message)
    }
    expect(messages).toEqual([
      'fake-copy is not available here, so the clipboard cannot be used.',
      'fake-copy could not write to the clipboard (exit code 3).',
      'fake-copy did not finish in time.',
    ])
  })

  it('reads a reader that fails as an empty clipboard only where the tool says so (wl-paste)', async () => {
    const strict = new ToolClipboard({ ...FAKE, emptyOnFailure: false, read: node('process.exit(1)') })
    await expect(strict.readText()).rejects.toBeInstanceOf(ClipboardUnavailableError)
    const lenient = new ToolClipboard({ ...FAKE, read: node('process.exit(1)') })
    expect(await lenient.readText()).toBe('')
  })
})

describe('the platform tools', () => {
  it.each([
    ['wl-copy', WAYLAND_TOOLS],
    ['pbcopy', MACOS_TOOLS],
    ['PowerShell', WINDOWS_TOOLS],
  ])('%s: reads the value from standard input and says it cannot conceal it', (_name, spec) => {
    expect(spec.hints.concealed).toBe(false)
    expect(spec.hints.description).toMatch(/cannot/u)
    expect(spec.write.args.join(' ')).not.toMatch(/\$args|%1|\{0\}/u)
  })

  it('wl-copy/wl-paste: a UTF-8 text type, no newline added, and --clear', () => {
    expect(WAYLAND_TOOLS.write).toEqual({ command: 'wl-copy', args: ['--type', 'text/plain;charset=utf-8'] })
    expect(WAYLAND_TOOLS.read).toEqual({ command: 'wl-paste', args: ['--no-newline', '--type', 'text'] })
    expect(WAYLAND_TOOLS.clear).toEqual({ command: 'wl-copy', args: ['--clear'] })
  })

  it('PowerShell: reads standard input as UTF-8 and writes the clipboard as UTF-8', () => {
    const write = WINDOWS_TOOLS.write.args.at(-1) ?? ''
    expect(write).toContain('[Console]::InputEncoding = $e')
    expect(write).toContain('Set-Clipboard -Value ([Console]::In.ReadToEnd())')
    expect(WINDOWS_TOOLS.read.args.at(-1)).toContain('[Console]::OutputEncoding = $e')
  })
})

describe('createSystemClipboard picks the clipboard of the machine', () => {
  it('Windows → PowerShell, macOS → pbcopy', () => {
    const win = createSystemClipboard({}, 'win32')
    const mac = createSystemClipboard({}, 'darwin')
    expect(win).toBeInstanceOf(ToolClipboard)
    expect(win.hints).toEqual(WINDOWS_TOOLS.hints)
    expect(mac.hints).toEqual(MACOS_TOOLS.hints)
  })

  it('Linux with DISPLAY → X11 (also under XWayland), without connecting yet', () => {
    expect(createSystemClipboard({ DISPLAY: ':9999' }, 'linux')).toBeInstanceOf(X11Clipboard)
    expect(createSystemClipboard({ DISPLAY: ':9999', WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeInstanceOf(X11Clipboard)
  })

  it('Wayland alone → wl-copy when wl-copy and wl-paste are on PATH', () => {
    const bin = join(dir, 'bin')
    rmSync(bin, { recursive: true, force: true })
    mkdirSync(bin)
    for (const tool of ['wl-copy', 'wl-paste']) {
      writeFileSync(join(bin, tool), '#!/bin/sh\nexit 0\n')
      chmodSync(join(bin, tool), 0o755)
    }
    const wayland = createSystemClipboard({ WAYLAND_DISPLAY: 'wayland-0', PATH: bin }, 'linux')
    expect(wayland).toBeInstanceOf(ToolClipboard)
    expect(wayland.hints).toEqual(WAYLAND_TOOLS.hints)
  })

  it.each([
    ['no display at all', {}, /^There is no clipboard here: no X11 display/u],
    ['Wayland without wl-clipboard', { WAYLAND_DISPLAY: 'wayland-0', PATH: '/nonexistent' }, /^There is no clipboard here: .*wl-clipboard/u],
  ])('%s → every call fails plainly', async (_label, env, message) => {
    const none = createSystemClipboard(env, 'linux')
    expect(none).toBeInstanceOf(UnavailableClipboard)
    expect(none.hints.concealed).toBe(false)
    for (const call of [() => none.writeSecret(SECRET), () => none.readText(), () => none.clear()]) {
      const err = await call().catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ClipboardUnavailableError)
      expect((err as Error).message).toMatch(message)
      expect((err as Error).message).not.toContain('sk-tool')
    }
  })
})
