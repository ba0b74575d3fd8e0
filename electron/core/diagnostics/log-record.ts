import { ERROR_CODES, type ErrorCode } from '../../shared/errors'
import { toApiError } from '../errors'
import type { LogFields } from './logger'
import { stackFrames } from './stack-frames'

export type LogLevel = 'info' | 'warn' | 'error'

/** What an error is written as: its class, its code, and for an INTERNAL one where it came from. */
export interface ErrorSummary {
  readonly name: string
  readonly code: ErrorCode
  readonly frames?: readonly string[]
  readonly cause?: CauseSummary
}

export interface CauseSummary {
  readonly name: string
  readonly frames: readonly string[]
  readonly cause?: CauseSummary
}

/** One line of the log file. */
export interface LogRecord {
  readonly time: string
  readonly level: LogLevel
  readonly event?: string
  readonly fields?: LogFields
  readonly channel?: string
  readonly error?: ErrorSummary
}

const MAX_CAUSES = 3
// Names and channels are written by code; anything else is refused rather than escaped.
const WORD = /^[A-Za-z_$][\w$.:-]{0,79}$/
const VALUE = /^[\w$.:-]{1,80}$/
const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES)

export function eventRecord(time: number, name: string, fields?: LogFields): LogRecord {
  return { time: new Date(time).toISOString(), level: 'info', event: word(name), ...(fields ? { fields: cleanFields(fields) } : {}) }
}

/**
 * A failure as the log keeps it. A KeyholdError other than INTERNAL is an expected answer (wrong
 * password, locked, bad input) and is written as its code only. Anything that answers INTERNAL is
 * a bug to find, so its class and stack frames are kept, with those of its causes.
 */
export function errorRecord(time: number, channel: string, err: unknown): LogRecord {
  const { code } = toApiError(err)
  const at = new Date(time).toISOString()
  const where = word(channel)
  if (code !== 'INTERNAL') return { time: at, level: 'warn', channel: where, error: { name: 'KeyholdError', code: knownCode(code) } }
  const cause = causeOf(err, MAX_CAUSES)
  return { time: at, level: 'error', channel: where, error: { name: className(err), code, frames: stackFrames(err), ...(cause ? { cause } : {}) } }
}

function causeOf(err: unknown, depth: number): CauseSummary | undefined {
  if (depth === 0 || typeof err !== 'object' || err === null) return undefined
  let cause: unknown
  try {
    cause = (err as { cause?: unknown }).cause
  } catch {
    return undefined
  }
  if (cause === undefined || cause === null) return undefined
  const deeper = causeOf(cause, depth - 1)
  return { name: className(cause), frames: stackFrames(cause), ...(deeper ? { cause: deeper } : {}) }
}

/** The error's class as code named it; a thrown string or number is named by its type, never shown. */
export function className(err: unknown): string {
  if (typeof err !== 'object' || err === null) return `thrown ${typeof err}`
  try {
    const name = (err as { name?: unknown }).name
    if (typeof name === 'string' && WORD.test(name)) return name
    const ctor = (err as { constructor?: { name?: unknown } }).constructor?.name
    if (typeof ctor === 'string' && WORD.test(ctor)) return ctor
  } catch {
    // A getter that throws leaves the generic name.
  }
  return 'Error'
}

function knownCode(code: ErrorCode): ErrorCode {
  return KNOWN_CODES.has(code) ? code : 'INTERNAL'
}

function word(text: string): string {
  return WORD.test(text) ? text : '?'
}

function cleanFields(fields: LogFields): LogFields {
  const out: Record<string, string | number | boolean | null> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (!WORD.test(key)) continue
    out[key] = typeof value === 'string' && !VALUE.test(value) ? '?' : value
  }
  return out
}
