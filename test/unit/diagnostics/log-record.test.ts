import { describe, expect, it } from 'vitest'
import { errorRecord, eventRecord } from '../../../electron/core/diagnostics/log-record'
import { KeyholdError } from '../../../electron/core/errors'

const CANARY = 'CANARY-record-51be'
const AT = Date.UTC(2026, 0, 2, 3, 4, 5)

describe('what a diagnostics record holds', () => {
  it('an INTERNAL failure: time, level, channel, class, code and frames — not the message', () => {
    const record = errorRecord(AT, 'keyhold:keys.add', new TypeError(`cannot read ${CANARY}`))
    expect(record).toMatchObject({ time: '2026-01-02T03:04:05.000Z', level: 'error', channel: 'keyhold:keys.add', error: { name: 'TypeError', code: 'INTERNAL' } })
    expect(record.error?.frames?.[0]).toMatch(/log-record\.test\.ts:\d+:\d+/)
    expect(JSON.stringify(record)).not.toContain(CANARY)
  })

  it('an expected KeyholdError: its channel and code only, even when its message is core’s own detail', () => {
    const record = errorRecord(AT, 'keyhold:vault.unlock', new KeyholdError('WRONG_PASSWORD', { field: 'password', message: `Wait 4 s ${CANARY}` }))
    expect(record).toEqual({ time: '2026-01-02T03:04:05.000Z', level: 'warn', channel: 'keyhold:vault.unlock', error: { name: 'KeyholdError', code: 'WRONG_PASSWORD' } })
  })

  it('a KeyholdError("INTERNAL") keeps its frames and those of its causes, never their messages', () => {
    const sqlite = Object.assign(new Error(`near "${CANARY}": syntax error`), { name: 'SqliteError', code: 'SQLITE_ERROR' })
    const record = errorRecord(AT, 'keyhold:keys.update', new KeyholdError('INTERNAL', { cause: sqlite }))
    expect(record.error).toMatchObject({ name: 'KeyholdError', code: 'INTERNAL', cause: { name: 'SqliteError' } })
    expect(record.error?.frames?.length).toBeGreaterThan(0)
    expect(record.error?.cause?.frames.length).toBeGreaterThan(0)
    expect(JSON.stringify(record)).not.toContain(CANARY)
    expect(JSON.stringify(record)).not.toContain('SQLITE_ERROR')
  })

  it('names a thrown string by its type, and a name or channel that is not a word as "?"', () => {
    expect(errorRecord(AT, 'keyhold:keys.copy', CANARY).error).toEqual({ name: 'thrown string', code: 'INTERNAL', frames: [] })
    const renamed = Object.assign(new Error('x'), { name: `${CANARY} in a name` })
    expect(errorRecord(AT, `keyhold ${CANARY}`, renamed)).toMatchObject({ channel: '?', error: { name: 'Error' } })
  })

  it('an event: its name and the fields core chose, a field value that is not a word as "?"', () => {
    expect(eventRecord(AT, 'vault.locking', { reason: 'idle' })).toEqual({ time: '2026-01-02T03:04:05.000Z', level: 'info', event: 'vault.locking', fields: { reason: 'idle' } })
    expect(eventRecord(AT, 'core.started', { node: '24.21.0', note: `a ${CANARY} b`, electron: null }).fields).toEqual({ node: '24.21.0', note: '?', electron: null })
  })
})
