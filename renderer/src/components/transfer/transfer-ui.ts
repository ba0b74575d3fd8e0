import type { ImportSource } from '../../../../electron/shared/activity'
import type { CsvRole, ImportAction } from '../../../../electron/shared/transfer'

/** What the window calls each kind of file an import reads. */
export const SOURCE_LABELS: Readonly<Record<ImportSource, string>> = {
  'share-file': 'Keyhold share file',
  'keyhold-export': 'Keyhold export',
  csv: 'CSV or spreadsheet',
  env: '.env file',
  kdbx: 'KeePass database',
  bitwarden: 'Bitwarden export',
}

export const ACTION_LABELS: Readonly<Record<ImportAction, string>> = { add: 'Add', update: 'Update', skip: 'Skip' }

/** The CSV columns the person maps, in the order the form asks for them. */
export const ROLE_LABELS: readonly (readonly [CsvRole, string])[] = [
  ['secret', 'Key (the secret)'],
  ['name', 'Name'],
  ['url', 'Address (URL)'],
  ['account', 'Account or username'],
  ['notes', 'Notes'],
]

/** "3 to add, 1 to update, 2 skipped". */
export function countsSentence(counts: { add: number; update: number; skip: number }): string {
  return [`${counts.add} to add`, `${counts.update} to update`, `${counts.skip} skipped`].join(', ')
}

export function resultSentence(r: { added: number; updated: number; skipped: number }): string {
  const keys = (n: number) => `${n} ${n === 1 ? 'key' : 'keys'}`
  return `Added ${keys(r.added)}, updated ${keys(r.updated)}, skipped ${keys(r.skipped)}.`
}
