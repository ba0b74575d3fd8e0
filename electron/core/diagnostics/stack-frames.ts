import { homedir } from 'node:os'

const MAX_FRAMES = 30

// V8's frame lines: "    at fn (location)" or "    at location".
const FRAME_LINE = /^\s+at (?:(.+) \((.+)\)|(.+))$/
// A function name as V8 prints it: identifiers, dots, <anonymous>, [as alias]; a value pasted into
// a message (a key, a URL, a sentence) has characters these never hold.
const FUNCTION_NAME = /^(?:async |new )?[\w$.<>[\]]+(?: \[as [\w$.<>]+\])?$/
const LOCATION = /^(?:(?:\/|[A-Za-z]:\\|file:\/\/\/|node:|app:\/\/)[^()\n]*:\d+:\d+|<anonymous>|native|index \d+)$/
const OMITTED = '?'

/**
 * The stack frames of `err` — "function (file:line:col)" — without the stack's first line(s),
 * which repeat the error's message and can hold whatever the failing code was handed. A line that
 * does not read as a frame is written as "?", so nothing but code locations ever comes out.
 */
export function stackFrames(err: unknown, home: string = homeDir()): string[] {
  const stack = readStack(err)
  if (stack === undefined) return []
  const frames: string[] = []
  for (const line of withoutHeader(err, stack).split('\n')) {
    if (frames.length === MAX_FRAMES) break
    if (line.trim() === '') continue
    frames.push(frameOf(line, home))
  }
  return frames
}

function readStack(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined
  try {
    // A getter may throw (some libraries compute the stack lazily).
    const stack = (err as { stack?: unknown }).stack
    return typeof stack === 'string' ? stack : undefined
  } catch {
    return undefined
  }
}

/**
 * V8 writes the header as "Name: message" when the stack is first read, so the current message
 * marks where the frames begin even when it spans lines. If it is not there (a message changed
 * after the stack was read), everything before the first frame line goes.
 */
function withoutHeader(err: unknown, stack: string): string {
  const message = (err as { message?: unknown }).message
  if (typeof message === 'string' && message !== '') {
    const at = stack.indexOf(message)
    if (at >= 0) return stack.slice(at + message.length)
  }
  const lines = stack.split('\n')
  const first = lines.findIndex((line) => FRAME_LINE.test(line) && frameOf(line, '') !== OMITTED)
  return first < 0 ? '' : lines.slice(first).join('\n')
}

function frameOf(line: string, home: string): string {
  const match = FRAME_LINE.exec(line)
  if (!match) return OMITTED
  const [, fn, located, bare] = match
  const location = (located ?? bare ?? '').trim()
  if (!LOCATION.test(location)) return OMITTED
  const where = isUnder(location, home) ? `~${location.slice(home.length)}` : location
  if (fn === undefined) return where
  return FUNCTION_NAME.test(fn) ? `${fn} (${where})` : where
}

function isUnder(location: string, home: string): boolean {
  if (home.length < 2 || !location.startsWith(home)) return false
  const next = location.charAt(home.length)
  return next === '/' || next === '\\'
}

// The home folder's name is often the person's own: a log for support shows "~" instead.
function homeDir(): string {
  try {
    return homedir()
  } catch {
    return ''
  }
}
