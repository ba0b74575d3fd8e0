import type { ErrorCode } from './errors'

/** What every contract call answers. Errors carry a stable code and a sentence a person can read. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export interface ApiError {
  readonly code: ErrorCode
  readonly message: string
  /** The input field the error is about, so a form can show it next to that field. */
  readonly field?: string
}
