import { describe, expect, it } from 'vitest'
import { handle } from '../../../electron/core/api/handle'
import { KeyholdError } from '../../../electron/core/errors'
import { MemoryLogger } from '../../support/memory-logger'

const CANARY = 'CANARY-handle-c0ffee'

function bound(impl: (input: { password: string }) => unknown) {
  const logger = new MemoryLogger()
  const handler = handle('keyhold:vault.unlock', async (input) => {
    await impl(input)
    return { state: 'unlocked' as const }
  }, { onCall: () => undefined, logger })
  return { logger, handler }
}

describe('the one call path logs every failure, and nothing the call carried', () => {
  it('an INTERNAL failure is logged with its channel, class and stack frames; its message and the input are not', async () => {
    const { logger, handler } = bound(({ password }) => {
      throw new TypeError(`failed on ${password}`)
    })
    const result = await handler({ password: CANARY })
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(logger.records).toHaveLength(1)
    expect(logger.records[0]).toMatchObject({ level: 'error', channel: 'keyhold:vault.unlock', error: { name: 'TypeError', code: 'INTERNAL' } })
    expect(logger.records[0]?.error?.frames?.some((f) => f.includes('handle-logging.test.ts'))).toBe(true)
    expect(logger.text()).not.toContain(CANARY)
  })

  it('an expected error is logged as its channel and code only', async () => {
    const { logger, handler } = bound(() => {
      throw new KeyholdError('WRONG_PASSWORD', { field: 'password', message: `nope ${CANARY}` })
    })
    await handler({ password: CANARY })
    expect(logger.records.map(({ time: _time, ...r }) => r)).toEqual([{ level: 'warn', channel: 'keyhold:vault.unlock', error: { name: 'KeyholdError', code: 'WRONG_PASSWORD' } }])
  })

  it('input the schema refuses is logged as INVALID_INPUT, without the input or the field it named', async () => {
    const { logger, handler } = bound(() => undefined)
    await handler({ password: CANARY, [CANARY]: CANARY })
    expect(logger.records.map(({ time: _time, ...r }) => r)).toEqual([{ level: 'warn', channel: 'keyhold:vault.unlock', error: { name: 'KeyholdError', code: 'INVALID_INPUT' } }])
  })

  it('a call that succeeds logs nothing', async () => {
    const { logger, handler } = bound(() => undefined)
    expect(await handler({ password: CANARY })).toEqual({ ok: true, value: { state: 'unlocked' } })
    expect(logger.records).toEqual([])
  })
})
