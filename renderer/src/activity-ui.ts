import type { ActivityItem, ActivityKind, EditedPart, ImportSource } from '../../electron/shared/activity'
import { outcomeLine } from '../../electron/shared/checks'
import type { ProviderDescriptor } from '../../electron/shared/providers'
import { formatDateTime } from './dates'

/**
 * What the window says about the activity log. Words for a key's values come from its provider's
 * descriptor (the secret's noun, a copyable field's label); a key that is gone gets plain words.
 */
export type ActivityFilter = ActivityKind | 'all'

export const ACTIVITY_FILTERS: readonly { readonly value: ActivityFilter; readonly label: string }[] = [
  { value: 'all', label: 'All activity' },
  { value: 'copied', label: 'Copies' },
  { value: 'revealed', label: 'Shown values' },
  { value: 'checked', label: 'Checks' },
  { value: 'edited', label: 'Edits' },
  { value: 'created', label: 'Added' },
  { value: 'captured', label: 'Pasted' },
  { value: 'rotated', label: 'Rotations' },
  { value: 'revoked', label: 'Revocations' },
  { value: 'deleted', label: 'Deleted' },
  { value: 'shared', label: 'Shares' },
  { value: 'imported', label: 'Imports' },
  { value: 'exported', label: 'Exports' },
  { value: 'restored', label: 'Restores' },
  { value: 'keychain-unlocked', label: 'Keychain unlocks' },
]

const PART_WORDS: Readonly<Record<Exclude<EditedPart, 'secret' | 'details'>, string>> = {
  name: 'name',
  account: 'account',
  notes: 'notes',
  tags: 'tags',
  expiresOn: 'expiry date',
}

/** "the secret token", or "the API key" for a copyable field, as the key's descriptor names them. */
function valueWords(field: string | null, descriptor: ProviderDescriptor | undefined): string {
  if (field === null || field === 'secret') return `the secret ${descriptor?.secret.noun ?? 'key'}`
  const f = descriptor?.fields.find((d) => d.path === field)
  return f ? `the ${f.shownAs ?? f.label}` : 'a value'
}

function editedWords(parts: readonly EditedPart[], descriptor: ProviderDescriptor | undefined): string {
  const words = parts.flatMap((p) => (p === 'secret' ? [] : [p === 'details' ? `${descriptor?.label ?? 'provider'} details` : PART_WORDS[p]]))
  const secret = parts.includes('secret') ? `secret ${descriptor?.secret.noun ?? 'key'} replaced` : null
  return [words.join(', '), secret].filter(Boolean).join('; ')
}

/** The name of the other key of a rotation, or plain words when it is gone. */
export type KeyNameOf = (id: string) => string | undefined

const named = (nameOf: KeyNameOf | undefined, id: string) => {
  const name = nameOf?.(id)
  return name === undefined ? 'a key that was deleted' : `“${name}”`
}

/** One entry as a sentence: "Copied the secret token", "Checked: Rejected — revoke it in <provider> and add a new key". */
export function activitySentence(item: ActivityItem, descriptor: ProviderDescriptor | undefined, nameOf?: KeyNameOf): string {
  if (item.damaged) return 'An entry that cannot be read: it was changed outside Keyhold.'
  switch (item.kind) {
    case 'created':
      return item.detail && 'replaces' in item.detail ? `Added to replace ${named(nameOf, item.detail.replaces)} (rotation)` : 'Added'
    case 'rotated':
      return item.detail && 'replacedBy' in item.detail ? `Rotated: replaced by a new key, ${named(nameOf, item.detail.replacedBy)}` : 'Rotated'
    case 'revoked':
      return `Revoked — verified: the provider refused the key, and its secret was wiped`
    case 'deleted':
      return 'Deleted'
    case 'keychain-on':
      return 'Turned on unlock with the system keychain'
    case 'keychain-off':
      return 'Turned off unlock with the system keychain'
    case 'keychain-unlocked':
      return 'Unlocked with the system keychain'
    case 'captured':
      return `Pasted ${valueWords(item.field, descriptor)} from the clipboard`
    case 'copied':
      return `Copied ${valueWords(item.field, descriptor)}`
    case 'revealed':
      return `Showed ${valueWords(item.field, descriptor)}`
    case 'checked': {
      const outcome = item.detail && 'outcome' in item.detail ? item.detail.outcome : null
      return outcome ? `Checked: ${outcomeLine(outcome, descriptor?.label ?? 'the provider')}` : 'Checked'
    }
    case 'edited': {
      const parts = item.detail && 'changed' in item.detail ? item.detail.changed : []
      return parts.length > 0 ? `Edited: ${editedWords(parts, descriptor)}` : 'Edited'
    }
    case 'shared':
      return item.detail && 'via' in item.detail && item.detail.via === 'share-file'
        ? 'Sent to another Keyhold vault as an encrypted share file'
        : `Recorded as shared in ${descriptor?.label ?? 'the provider'}`
    case 'unshared':
      return `Recorded as no longer shared in ${descriptor?.label ?? 'the provider'} (the key still works until it is revoked)`
    case 'imported': {
      const from = item.detail && 'from' in item.detail ? IMPORT_SOURCE_WORDS[item.detail.from] : 'a file'
      const updated = item.detail && 'result' in item.detail && item.detail.result === 'updated'
      return updated ? `Brought up to date from ${from}` : `Added from ${from}`
    }
    case 'exported':
      return 'Exported the vault to an encrypted file'
    case 'restored':
      return 'Restored the vault from a backup'
  }
}

const IMPORT_SOURCE_WORDS: Readonly<Record<ImportSource, string>> = {
  'share-file': 'a share file',
  'keyhold-export': 'a Keyhold export',
  csv: 'a spreadsheet (CSV)',
  env: 'a .env file',
  kdbx: 'a KeePass database',
  bitwarden: 'a Bitwarden export',
}

/** The entry's date and time in the person's locale. */
export const activityTime = formatDateTime
