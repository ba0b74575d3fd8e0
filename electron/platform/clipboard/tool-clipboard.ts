import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { ClipboardUnavailableError, type ClipboardHints, type ClipboardPort } from '../../core/clipboard/clipboard-port'

/**
 * The clipboard through the platform's own command-line tools, for where no in-process owner is
 * possible: wl-copy/wl-paste on Wayland, pbcopy/pbpaste on macOS, PowerShell on Windows. The
 * value always goes to the tool on standard input — never in its arguments or environment — and
 * no error message repeats what a tool printed.
 */

export interface ToolCommand {
  readonly command: string
  readonly args: readonly string[]
  /** Extra environment for the tool (never the value). */
  readonly env?: Readonly<Record<string, string>>
}

export interface ToolClipboardSpec {
  /** The tool's name in error messages ("wl-copy"). */
  readonly name: string
  readonly write: ToolCommand
  readonly read: ToolCommand
  readonly clear: ToolCommand
  /** What `clear` gets on standard input, if anything ('' for pbcopy: an empty clipboard). */
  readonly clearInput?: string
  /** The reader exits non-zero when the clipboard is empty (wl-paste): that reads as ''. */
  readonly emptyOnFailure?: boolean
  readonly hints: ClipboardHints
}

export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess

export interface ToolClipboardDeps {
  readonly spawn?: SpawnFn
  readonly env?: NodeJS.ProcessEnv
  readonly timeoutMs?: number
}

const MAX_READ_BYTES = 1024 * 1024

const UTF8_PS = '$e = New-Object System.Text.UTF8Encoding $false'

/** wl-clipboard 2.1 (Debian 12): no way to add x-kde-passwordManagerHint. */
export const WAYLAND_TOOLS: ToolClipboardSpec = {
  name: 'wl-copy',
  // An explicit text type: otherwise wl-copy guesses it by running xdg-mime on its copy.
  write: { command: 'wl-copy', args: ['--type', 'text/plain;charset=utf-8'] },
  read: { command: 'wl-paste', args: ['--no-newline', '--type', 'text'] },
  clear: { command: 'wl-copy', args: ['--clear'] },
  emptyOnFailure: true,
  hints: {
    concealed: false,
    description:
      'The Wayland clipboard of this computer through wl-copy, which cannot add the hint that keeps clipboard managers from storing it, and keeps the value in a temporary file while it holds it.',
  },
}

/** pbcopy writes plain text only: it cannot add org.nspasteboard.ConcealedType. */
export const MACOS_TOOLS: ToolClipboardSpec = {
  name: 'pbcopy',
  // pbcopy and pbpaste read and write in the locale's encoding: make it UTF-8.
  write: { command: 'pbcopy', args: [], env: { LANG: 'en_US.UTF-8', LC_CTYPE: 'UTF-8' } },
  read: { command: 'pbpaste', args: ['-Prefer', 'txt'], env: { LANG: 'en_US.UTF-8', LC_CTYPE: 'UTF-8' } },
  clear: { command: 'pbcopy', args: [] },
  clearInput: '',
  hints: {
    concealed: false,
    description:
      'The macOS clipboard of this computer through pbcopy, which cannot add the org.nspasteboard.ConcealedType mark that keeps clipboard managers from storing it.',
  },
}

const powershell = (script: string): ToolCommand => ({
  command: 'powershell.exe',
  args: ['-NoProfile', '-NonInteractive', '-STA', '-Command', script],
})

/** Set-Clipboard writes text only: none of Windows' history and cloud-sync exclusion formats. */
export const WINDOWS_TOOLS: ToolClipboardSpec = {
  name: 'PowerShell',
  write: powershell(`${UTF8_PS}; [Console]::InputEncoding = $e; Set-Clipboard -Value ([Console]::In.ReadToEnd())`),
  read: powershell(`${UTF8_PS}; [Console]::OutputEncoding = $e; $t = Get-Clipboard -Raw; if ($t) { [Console]::Out.Write([string]$t) }`),
  clear: powershell('Add-Type -AssemblyName System.Windows.Forms; [System.Windows.Forms.Clipboard]::Clear()'),
  hints: {
    concealed: false,
    description:
      'The Windows clipboard of this computer through PowerShell, which cannot add the formats that keep it out of clipboard history and cloud sync.',
  },
}

export class ToolClipboard implements ClipboardPort {
  readonly hints: ClipboardHints
  private readonly spawn: SpawnFn
  private readonly env: NodeJS.ProcessEnv
  private readonly timeoutMs: number

  constructor(
    private readonly spec: ToolClipboardSpec,
    deps: ToolClipboardDeps = {},
  ) {
    this.hints = spec.hints
    this.spawn = deps.spawn ?? nodeSpawn
    this.env = deps.env ?? process.env
    this.timeoutMs = deps.timeoutMs ?? 5000
  }

  async writeSecret(text: string): Promise<void> {
    const { code } = await this.run(this.spec.write, text, false)
    if (code !== 0) throw new ClipboardUnavailableError(`${this.spec.name} could not write to the clipboard (exit code ${code}).`)
  }

  async readText(): Promise<string> {
    const { code, output } = await this.run(this.spec.read, undefined, true)
    if (code !== 0) {
      if (this.spec.emptyOnFailure) return ''
      throw new ClipboardUnavailableError(`${this.spec.name} could not read the clipboard (exit code ${code}).`)
    }
    const text = output.toString('utf8')
    output.fill(0)
    return text
  }

  async clear(): Promise<void> {
    const { code } = await this.run(this.spec.clear, this.spec.clearInput, false)
    if (code !== 0) throw new ClipboardUnavailableError(`${this.spec.name} could not clear the clipboard (exit code ${code}).`)
  }

  /** Empties the clipboard whoever filled it: the tools' clear never asks who did. */
  wipe(): Promise<void> {
    return this.clear()
  }

  /**
   * Runs one tool to its exit. A writer's standard output and error are ignored, not piped:
   * wl-copy (like xclip) leaves a child behind that holds the clipboard and would keep a pipe
   * open; so the run ends on 'exit', not on the pipes closing.
   */
  private run(tool: ToolCommand, input: string | undefined, capture: boolean): Promise<{ code: number; output: Buffer }> {
    return new Promise((resolve, reject) => {
      let child: ChildProcess
      try {
        child = this.spawn(tool.command, tool.args, {
          stdio: [input === undefined ? 'ignore' : 'pipe', capture ? 'pipe' : 'ignore', 'ignore'],
          env: { ...this.env, ...tool.env },
          windowsHide: true,
        })
      } catch {
        reject(new ClipboardUnavailableError(`${this.spec.name} could not be started, so the clipboard cannot be used.`))
        return
      }
      const chunks: Buffer[] = []
      let size = 0 // past MAX_READ_BYTES the output is dropped: it reads as '' (no secret is that long)
      let settled = false
      const finish = (err: Error | undefined, code = 1): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        const output = size <= MAX_READ_BYTES ? Buffer.concat(chunks) : Buffer.alloc(0)
        for (const c of chunks) c.fill(0)
        if (err) {
          output.fill(0)
          reject(err)
        } else resolve({ code, output })
      }
      const timer = setTimeout(() => {
        child.kill()
        finish(new ClipboardUnavailableError(`${this.spec.name} did not finish in time.`))
      }, this.timeoutMs)
      child.on('error', () => finish(new ClipboardUnavailableError(`${this.spec.name} is not available here, so the clipboard cannot be used.`)))
      child.stdout?.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= MAX_READ_BYTES) chunks.push(chunk)
      })
      const done = (code: number | null): void => finish(undefined, code ?? 1)
      // A reader's output is complete once its pipe closes; a writer is done when it exits.
      if (capture) child.on('close', done)
      else child.on('exit', done)
      if (child.stdin) {
        child.stdin.on('error', () => undefined) // the tool quit before reading: its exit code says so
        child.stdin.end(input, 'utf8')
      }
    })
  }
}
