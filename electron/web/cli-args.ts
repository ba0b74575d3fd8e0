import { parseArgs } from 'node:util'

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

const OPTIONS = {
  'data-dir': { type: 'string' },
  'renderer-dir': { type: 'string' },
  port: { type: 'string' },
  'no-open': { type: 'boolean' },
} as const

/** Node's own words for a bad command line, in ours: the usage line follows either way. */
function usageErrorFrom(err: unknown): UsageError {
  const code = (err as NodeJS.ErrnoException).code
  const message = err instanceof Error ? err.message : String(err)
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageError(`Unknown option: ${/'([^']+)'/.exec(message)?.[1] ?? message}`)
  }
  const option = /--[a-z-]+/.exec(message)?.[0]
  return new UsageError(option ? `${option} needs a value.` : message)
}

/** `--name value` and `--name=value` both work; anything unknown is an error rather than ignored. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const values = (() => {
    try {
      return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values
    } catch (err) {
      throw usageErrorFrom(err)
    }
  })()
  for (const name of ['data-dir', 'renderer-dir', 'port'] as const) {
    if (values[name] === '') throw new UsageError(`--${name} needs a value.`)
  }
  const raw = values.port
  const port = raw === undefined ? 0 : Number(raw)
  if (raw !== undefined && (!/^\d+$/.test(raw) || port > 65_535)) throw new UsageError('--port must be a number from 0 to 65535.')
  return { dataDir: values['data-dir'], port, open: values['no-open'] !== true, rendererDir: values['renderer-dir'] }
}
