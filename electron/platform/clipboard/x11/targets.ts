/**
 * What the X11 clipboard serves, as ICCCM §2.6 asks of a selection owner and as KeePassXC does
 * for a password: the text in every common text target plus `x-kde-passwordManagerHint` =
 * `secret`, which tells clipboard managers (Klipper, clipcat, …) to keep it out of their history.
 */

/** The atoms a conversion needs, interned once per connection. */
export interface SelectionAtoms {
  readonly TARGETS: number
  readonly MULTIPLE: number
  readonly TIMESTAMP: number
  readonly UTF8_STRING: number
  readonly STRING: number
  readonly TEXT: number
  readonly TEXT_PLAIN_UTF8: number
  readonly TEXT_PLAIN: number
  readonly PASSWORD_HINT: number
  readonly ATOM: number
  readonly INTEGER: number
}

/** The X name of each atom in SelectionAtoms. */
export const SELECTION_ATOM_NAMES: { readonly [K in keyof SelectionAtoms]: string } = {
  TARGETS: 'TARGETS',
  MULTIPLE: 'MULTIPLE',
  TIMESTAMP: 'TIMESTAMP',
  UTF8_STRING: 'UTF8_STRING',
  STRING: 'STRING',
  TEXT: 'TEXT',
  TEXT_PLAIN_UTF8: 'text/plain;charset=utf-8',
  TEXT_PLAIN: 'text/plain',
  PASSWORD_HINT: 'x-kde-passwordManagerHint',
  ATOM: 'ATOM',
  INTEGER: 'INTEGER',
}

export const PASSWORD_HINT_VALUE = 'secret'

/** The value we hold, in the encodings we serve, and when we took the selections (server time). */
export interface HeldValue {
  readonly utf8: Buffer
  /** The ISO Latin-1 bytes when every character has one; STRING must be Latin-1 (ICCCM). */
  readonly latin1: Buffer | undefined
  readonly time: number
}

export interface Conversion {
  readonly type: number
  readonly format: 8 | 32
  readonly data: Buffer | readonly number[]
}

export function heldValue(text: string, time: number): HeldValue {
  const latin1 = /^[\u0000-\u00ff]*$/u.test(text) ? Buffer.from(text, 'latin1') : undefined
  return { utf8: Buffer.from(text, 'utf8'), latin1, time }
}

/** Overwrites the held bytes (the string the caller passed in cannot be wiped; these can). */
export function wipe(held: HeldValue): void {
  held.utf8.fill(0)
  held.latin1?.fill(0)
}

/** The TARGETS answer: every target `convert` serves for this value. */
export function offeredTargets(held: HeldValue, a: SelectionAtoms): number[] {
  return [
    a.TARGETS,
    a.MULTIPLE,
    a.TIMESTAMP,
    a.UTF8_STRING,
    a.TEXT_PLAIN_UTF8,
    a.TEXT_PLAIN,
    ...(held.latin1 ? [a.STRING] : []),
    a.TEXT,
    a.PASSWORD_HINT,
  ]
}

/**
 * The property to write for `target`, or undefined to refuse it. MULTIPLE is not here: it is a
 * list of conversions the owner reads from the requestor (see the clipboard).
 */
export function convert(target: number, held: HeldValue, a: SelectionAtoms): Conversion | undefined {
  switch (target) {
    case a.TARGETS:
      return { type: a.ATOM, format: 32, data: offeredTargets(held, a) }
    case a.TIMESTAMP:
      return { type: a.INTEGER, format: 32, data: [held.time] }
    case a.UTF8_STRING:
      return { type: a.UTF8_STRING, format: 8, data: held.utf8 }
    case a.TEXT_PLAIN_UTF8:
    case a.TEXT_PLAIN:
      // MIME targets carry their own name as the type, as Qt and GTK write them.
      return { type: target, format: 8, data: held.utf8 }
    case a.STRING:
      return held.latin1 ? { type: a.STRING, format: 8, data: held.latin1 } : undefined
    case a.TEXT:
      // TEXT lets the owner pick the encoding and name it in the type (ICCCM §2.7.1).
      return held.latin1 ? { type: a.STRING, format: 8, data: held.latin1 } : { type: a.UTF8_STRING, format: 8, data: held.utf8 }
    case a.PASSWORD_HINT:
      return { type: target, format: 8, data: Buffer.from(PASSWORD_HINT_VALUE, 'latin1') }
    default:
      return undefined
  }
}

/** True when a request stamped `requestTime` predates our taking the selection (ICCCM §2.2). */
export function predates(requestTime: number, heldTime: number): boolean {
  // CurrentTime (0) is what most requestors send. Server time is 32-bit milliseconds and wraps
  // every ~49 days, so compare the signed difference.
  return requestTime !== 0 && ((requestTime - heldTime) | 0) < 0
}
