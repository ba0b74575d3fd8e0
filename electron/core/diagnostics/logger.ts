/** What a field of a diagnostics event may hold: a word or number core chose, never anything a person typed. */
export type LogFields = Readonly<Record<string, string | number | boolean | null>>

/**
 * The diagnostics log a person can send to support (DESIGN.md's invariant 1 holds for it too).
 * It records what happened and where it failed — a channel, an error's class, its code and its
 * stack frames — never an input, an output or an error's message, which can carry what was typed.
 * Writing never throws into the caller: a full disk must not break the action being logged.
 */
export interface DiagnosticsLogger {
  /** A transition with no data: started, stopped, unlocked, locking (with its reason). */
  event(name: string, fields?: LogFields): void
  /**
   * A failure on `channel` (a contract channel such as `keyhold:keys.add`, or a host's own step).
   * An INTERNAL failure is written with its stack frames; any other KeyholdError as its code only.
   */
  error(channel: string, err: unknown): void
}

/** For code that may be given no logger: records nothing. */
export const SILENT_LOGGER: DiagnosticsLogger = {
  event: () => undefined,
  error: () => undefined,
}
