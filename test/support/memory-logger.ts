import { errorRecord, eventRecord, type LogRecord } from '../../electron/core/diagnostics/log-record'
import type { DiagnosticsLogger, LogFields } from '../../electron/core/diagnostics/logger'

/** The diagnostics log held in memory, for unit tests: the same records the file logger writes. */
export class MemoryLogger implements DiagnosticsLogger {
  readonly records: LogRecord[] = []

  event(name: string, fields?: LogFields): void {
    this.records.push(eventRecord(Date.now(), name, fields))
  }

  error(channel: string, err: unknown): void {
    this.records.push(errorRecord(Date.now(), channel, err))
  }

  /** Every record as the file would hold it, for a search for what must never be there. */
  text(): string {
    return this.records.map((r) => JSON.stringify(r)).join('\n')
  }
}
