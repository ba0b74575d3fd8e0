export interface CliOptions {
  readonly dataDir: string | undefined
  readonly port: number
  readonly open: boolean
  readonly rendererDir: string | undefined
}

/** Tests and benchmarks wait for a line with this prefix; it is always the last line printed at start. */
export const READY_PREFIX = 'KEYHOLD_WEB_READY '

export const USAGE = 'Usage: npm run web -- [--data-dir DIR] [--port N] [--no-open] [--renderer-dir DIR]'

export class UsageError extends Error {}

/** `--name value` and `--name=value` both work; anything unknown is an error rather than ignored. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let dataDir: string | undefined
  let rendererDir: string | undefined
  let port = 0
  let open = true
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const eq = arg.indexOf('=')
    const name = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg
    const value = (): string => {
      const v = eq !== -1 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i]
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value.`)
      return v
    }
    switch (name) {
      case '--data-dir':
        dataDir = value()
        break
      case '--renderer-dir':
        rendererDir = value()
        break
      case '--port': {
        const raw = value()
        port = Number(raw)
        if (!/^\d+$/.test(raw) || port > 65_535) throw new UsageError('--port must be a number from 0 to 65535.')
        break
      }
      case '--no-open':
        open = false
        break
      default:
        throw new UsageError(`Unknown option: ${arg}`)
    }
  }
  return { dataDir, port, open, rendererDir }
}
