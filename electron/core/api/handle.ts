import type { z } from 'zod'
import type { MethodChannel } from '../../shared/channels'
import type { MethodOutput } from '../../shared/contract'
import { METHOD_INPUTS, type MethodInputSchemas } from '../../shared/method-schemas'
import type { Result } from '../../shared/result'
import type { DiagnosticsLogger } from '../diagnostics/logger'
import { toApiError } from '../errors'
import { fromSqliteError } from '../store/sqlite-errors'
import { parseInput } from '../validation/parse'

export type Handler<C extends MethodChannel> = (input: unknown) => Promise<Result<MethodOutput<C>>>
export type Handlers = { readonly [C in MethodChannel]: Handler<C> }

/** What a domain's implementation of one method receives: its input, already parsed. */
export type Implementation<C extends MethodChannel> = (input: z.output<MethodInputSchemas[C]>) => Promise<MethodOutput<C>> | MethodOutput<C>
export type Implementations<K extends MethodChannel> = { readonly [C in K]: Implementation<C> }

/** What `handle` does besides running the implementation. */
export interface HandleHooks {
  /** Every call from the window: the idle lock restarts its countdown. */
  readonly onCall: () => void
  /** Where failures are recorded: the channel and code, and an INTERNAL one's stack frames. */
  readonly logger: DiagnosticsLogger
}

/**
 * The one path every call takes: parse the input with the channel's schema, tell the idle lock
 * a call came in, run the implementation, and answer the envelope — a stable code and sentence on
 * failure, never a stack trace or anything the input held. Every failure is logged here, so an
 * INTERNAL one leaves its stack in the diagnostics log instead of vanishing into its sentence.
 */
export function handle<C extends MethodChannel>(channel: C, fn: Implementation<C>, hooks: HandleHooks): Handler<C> {
  const { onCall, logger } = hooks
  const schema = METHOD_INPUTS[channel] as z.ZodType
  return async (input) => {
    try {
      onCall()
      const parsed = parseInput(schema, input) as z.output<MethodInputSchemas[C]>
      return { ok: true, value: await fn(parsed) }
    } catch (err) {
      logger.error(channel, err)
      // A SQLite failure no store method caught is still a storage failure, never INTERNAL.
      return { ok: false, error: toApiError(fromSqliteError(err)) }
    }
  }
}

/** Binds every channel's implementation through `handle`; a channel left out fails the typecheck. */
export function bindAll(impls: Implementations<MethodChannel>, hooks: HandleHooks): Handlers {
  const out: Partial<Record<MethodChannel, Handler<MethodChannel>>> = {}
  for (const channel of Object.keys(METHOD_INPUTS) as MethodChannel[]) {
    out[channel] = handle(channel, impls[channel] as Implementation<MethodChannel>, hooks) as Handler<MethodChannel>
  }
  return out as Handlers
}
