import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FileLogger, LOG_FILE_NAME } from '../../../electron/core/diagnostics/file-logger'
import type { LogRecord } from '../../../electron/core/diagnostics/log-record'
import { tempDir } from '../../support/fixtures'

// A full disk, on demand: writeSync fails with ENOSPC while `h.diskFull` is set.
const h = vi.hoisted(() => ({ diskFull: false }))
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>()
  const writeSync = ((...args: Parameters<typeof real.writeSync>) => {
    if (h.diskFull) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    return (real.writeSync as (...a: unknown[]) => number)(...args)
  }) as typeof real.writeSync
  return { ...real, default: { ...real, writeSync }, writeSync }
})

let dir: ReturnType<typeof tempDir>
let logs: string
beforeEach(() => {
  dir = tempDir('keyhold-logs-')
  logs = join(dir.path, 'logs')
  h.diskFull = false
})
afterEach(() => dir.remove())

const mode = (path: string) => statSync(path).mode & 0o777
const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogRecord)

describe('the diagnostics log file', () => {
  it('writes one JSON line per record to logs/keyhold.log', () => {
    const logger = new FileLogger({ dir: logs, now: () => Date.UTC(2026, 4, 1) })
    logger.event('core.started', { platform: 'linux' })
    logger.error('keyhold:keys.add', new TypeError('boom'))
    const [first, second] = lines(join(logs, LOG_FILE_NAME))
    expect(first).toEqual({ time: '2026-05-01T00:00:00.000Z', level: 'info', event: 'core.started', fields: { platform: 'linux' } })
    expect(second).toMatchObject({ level: 'error', channel: 'keyhold:keys.add', error: { name: 'TypeError', code: 'INTERNAL' } })
  })

  it('makes the folder 0700 and the file 0600, whatever the umask, and narrows ones that already existed wider', () => {
    const previous = process.umask(0o000)
    try {
      new FileLogger({ dir: logs }).event('core.started')
      expect(mode(logs)).toBe(0o700)
      expect(mode(join(logs, LOG_FILE_NAME))).toBe(0o600)
    } finally {
      process.umask(previous)
    }
    const other = join(dir.path, 'other')
    mkdirSync(other, { mode: 0o755 })
    writeFileSync(join(other, LOG_FILE_NAME), '', { mode: 0o644 })
    new FileLogger({ dir: other }).event('core.started')
    expect(mode(other)).toBe(0o700)
    expect(mode(join(other, LOG_FILE_NAME))).toBe(0o600)
  })

  it('rotates by size: keyhold.log then .1 … .4, none past the limit, the oldest dropped, each 0600', () => {
    const logger = new FileLogger({ dir: logs, maxBytes: 400, maxFiles: 5 })
    for (let n = 0; n < 60; n++) logger.event('core.started', { n })
    const files = readdirSync(logs).sort()
    expect(files).toEqual(['keyhold.log', 'keyhold.log.1', 'keyhold.log.2', 'keyhold.log.3', 'keyhold.log.4'])
    for (const file of files) {
      expect(statSync(join(logs, file)).size).toBeLessThanOrEqual(400)
      expect(mode(join(logs, file))).toBe(0o600)
    }
    const kept = ['keyhold.log.4', 'keyhold.log.3', 'keyhold.log.2', 'keyhold.log.1', 'keyhold.log'].flatMap((f) => lines(join(logs, f)).map((r) => r.fields?.['n']))
    // Newest last and in order, with nothing missing in between; the earliest ones are gone.
    expect(kept.at(-1)).toBe(59)
    expect(kept).toEqual(kept.map((_, i) => 60 - kept.length + i))
    expect(kept[0]).toBeGreaterThan(0)
  })

  it('never writes through a link planted where the log file goes', () => {
    mkdirSync(logs, { mode: 0o700 })
    const elsewhere = join(dir.path, 'elsewhere.txt')
    writeFileSync(elsewhere, 'untouched')
    symlinkSync(elsewhere, join(logs, LOG_FILE_NAME))
    new FileLogger({ dir: logs }).event('core.started')
    expect(readFileSync(elsewhere, 'utf8')).toBe('untouched')
    expect(lstatSync(join(logs, LOG_FILE_NAME)).isSymbolicLink()).toBe(true)
  })

  it('a write that fails (a full disk) or a folder that cannot be made does not throw into the caller', () => {
    const logger = new FileLogger({ dir: logs })
    logger.event('core.started')
    h.diskFull = true
    expect(() => logger.error('keyhold:keys.add', new Error('x'))).not.toThrow()
    expect(() => logger.event('vault.unlocked')).not.toThrow()
    h.diskFull = false
    logger.event('vault.locking', { reason: 'user' })
    expect(lines(join(logs, LOG_FILE_NAME)).map((r) => r.event)).toEqual(['core.started', 'vault.locking'])

    const blocker = join(dir.path, 'a-file')
    writeFileSync(blocker, '')
    const nowhere = new FileLogger({ dir: join(blocker, 'logs') })
    expect(() => nowhere.event('core.started')).not.toThrow()
    expect(() => nowhere.error('keyhold:keys.add', new Error('x'))).not.toThrow()
  })
})
