import type { EditedPart } from '../../shared/activity'
import type { KeyDetail } from '../../shared/dto'
import type { KeyUpdate } from '../keys/key-input'

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The parts of a key an update changes, by name only, for the "edited" entry: a part sent with
 * its current value is not an edit. A new secret counts whenever one is given (comparing it with
 * the stored one would mean decrypting that one too).
 */
export function editedParts(current: KeyDetail, changes: KeyUpdate['changes']): EditedPart[] {
  const parts: EditedPart[] = []
  if (changes.name !== undefined && changes.name !== current.name) parts.push('name')
  if (changes.account !== undefined && changes.account !== current.account) parts.push('account')
  if (changes.notes !== undefined && changes.notes !== current.notes) parts.push('notes')
  if (changes.tags !== undefined && !same(changes.tags, current.tags)) parts.push('tags')
  if (changes.expiresOn !== undefined && changes.expiresOn !== current.expiresOn) parts.push('expiresOn')
  if (changes.details !== undefined && !same(sorted(changes.details), sorted(current.details))) parts.push('details')
  if (changes.secret !== undefined) parts.push('secret')
  return parts
}

function sorted(value: object): [string, unknown][] {
  return Object.entries(value).sort(([a], [b]) => a.localeCompare(b))
}
