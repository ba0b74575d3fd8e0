import { describe, expect, it } from 'vitest'
import { stackFrames } from '../../../electron/core/diagnostics/stack-frames'

const CANARY = 'CANARY-stack-7f3a9c'
const THIS_FILE = 'stack-frames.test.ts'

function thrownBy(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('nothing was thrown')
}

function failWith(message: string): never {
  throw new TypeError(message)
}

describe('stack frames for the diagnostics log', () => {
  it('keeps "function (file:line:col)" and drops the message line, which can carry what was typed', () => {
    const err = thrownBy(() => failWith(`could not read ${CANARY}`))
    expect((err as Error).stack).toContain(CANARY)
    const frames = stackFrames(err, '')
    expect(frames[0]).toMatch(new RegExp(`^failWith \\(.*${THIS_FILE}:\\d+:\\d+\\)$`))
    expect(frames.join('\n')).not.toContain(CANARY)
    expect(frames.join('\n')).not.toContain('TypeError')
  })

  it('drops a message that spans lines, even one whose lines read like frames', () => {
    const err = thrownBy(() => failWith(`first line\n${CANARY}\n    at ${CANARY} (/tmp/${CANARY}.js:1:1)`))
    const frames = stackFrames(err, '')
    expect(frames.join('\n')).not.toContain(CANARY)
    expect(frames[0]).toMatch(/^failWith \(/)
  })

  it('drops the value a built-in quotes in its message (JSON.parse names what it could not read)', () => {
    // V8 quotes up to 10 characters of the text.
    const short = 'CANARY-7f3'
    const err = thrownBy(() => JSON.parse(short))
    expect((err as Error).message).toContain(short)
    const frames = stackFrames(err, '')
    expect(frames[0]).toBe('JSON.parse (<anonymous>)')
    expect(frames.join('\n')).not.toContain(short)
  })

  it('still finds where the frames begin when the message was changed after the stack was read', () => {
    const err = new RangeError(`first ${CANARY}`)
    void err.stack
    err.message = 'something else'
    const frames = stackFrames(err, '')
    expect(frames.length).toBeGreaterThan(0)
    expect(frames.join('\n')).not.toContain(CANARY)
  })

  it('writes a line that does not read as a frame as "?", and a function name that is not code as its location only', () => {
    const err = { message: 'm', stack: `Error: other\n    at ${CANARY} (/app/x.js:1:2)\n    ${CANARY}\n    at ${CANARY}\n    at f (https://${CANARY}/x.js:1:2)\n    at ok (/app/y.js:3:4)` }
    expect(stackFrames(err, '')).toEqual(['/app/x.js:1:2', '?', '?', '?', 'ok (/app/y.js:3:4)'])
  })

  it('shows the home folder (often the person’s own name) as ~', () => {
    const err = { message: 'm', stack: 'Error: m\n    at run (/home/dana/keyhold/out/main/index.js:10:5)\n    at /home/danax/x.js:1:1' }
    expect(stackFrames(err, '/home/dana')).toEqual(['run (~/keyhold/out/main/index.js:10:5)', '/home/danax/x.js:1:1'])
  })

  it('has nothing to show for a thrown string, a thrown object without a stack, or a stack getter that throws', () => {
    expect(stackFrames(CANARY)).toEqual([])
    expect(stackFrames({ message: CANARY })).toEqual([])
    const hostile = Object.defineProperty({}, 'stack', {
      get() {
        throw new Error(CANARY)
      },
    })
    expect(stackFrames(hostile)).toEqual([])
  })
})
