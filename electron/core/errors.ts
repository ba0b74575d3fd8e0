import { ERROR_MESSAGES, type ErrorCode } from '../shared/errors'
import type { ApiError } from '../shared/result'

/**
 * The only error core throws on purpose. Its message is always one of the fixed sentences of
 * ERROR_MESSAGES (or a detail written by core itself), never text derived from user input.
 */
export class KeyholdError extends Error {
  readonly code: ErrorCode
  readonly field: string | undefined

  constructor(code: ErrorCode, options: { field?: string; message?: string; cause?: unknown } = {}) {
    super(options.message ?? ERROR_MESSAGES[code], { cause: options.cause })
    this.name = 'KeyholdError'
    this.code = code
    this.field = options.field
  }

  toApiError(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field }
  }
}

/** Anything that is not a KeyholdError becomes INTERNAL: its text may hold anything, so it is dropped. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof KeyholdError) return err.toApiError()
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
}
