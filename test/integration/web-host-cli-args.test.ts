import { describe, expect, it } from 'vitest'
import { parseCliArgs, UsageError } from '../../electron/web/cli-args'

describe('npm run web options (electron/web/cli-args.ts)', () => {
  it('reads every option, as `--name value` and as `--name=value`', () => {
    expect(parseCliArgs([])).toEqual({ dataDir: undefined, port: 0, open: true, rendererDir: undefined })
    expect(parseCliArgs(['--data-dir', '/d', '--port', '8080', '--no-open', '--renderer-dir', '/r'])).toEqual({ dataDir: '/d', port: 8080, open: false, rendererDir: '/r' })
    expect(parseCliArgs(['--data-dir=/d', '--port=0', '--renderer-dir=/r'])).toEqual({ dataDir: '/d', port: 0, open: true, rendererDir: '/r' })
    expect(parseCliArgs(['--port', '65535']).port).toBe(65_535)
  })

  it('refuses what it does not know, a missing or empty value and a bad port, in a plain sentence', () => {
    const cases: [string[], string][] = [
      [['--bogus'], 'Unknown option: --bogus'],
      [['stray'], 'Unknown option: stray'],
      [['--data-dir'], '--data-dir needs a value.'],
      [['--data-dir='], '--data-dir needs a value.'],
      [['--renderer-dir'], '--renderer-dir needs a value.'],
      [['--port'], '--port needs a value.'],
      [['--port', 'abc'], '--port must be a number from 0 to 65535.'],
      [['--port', '70000'], '--port must be a number from 0 to 65535.'],
      [['--port', '-1'], '--port needs a value.'],
      [['--port', '1.5'], '--port must be a number from 0 to 65535.'],
    ]
    for (const [argv, message] of cases) {
      let thrown: unknown
      try {
        parseCliArgs(argv)
      } catch (err) {
        thrown = err
      }
      expect(thrown, argv.join(' ')).toBeInstanceOf(UsageError)
      expect((thrown as Error).message, argv.join(' ')).toBe(message)
    }
  })
})
