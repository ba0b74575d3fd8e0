import Papa from 'papaparse'
import { CSV_ROLES, type CsvColumns, type CsvRole } from '../../../shared/transfer'
import { KeyholdError } from '../../errors'
import { fallbackName, type Candidate, type SkippedRow, type SourceRead } from '../candidate'

// Header words each role is guessed from, most telling first (a "password" column beats "key id").
const ROLE_WORDS: Readonly<Record<CsvRole, readonly string[]>> = {
  secret: ['secret', 'token', 'password', 'api key', 'apikey', 'api_key', 'key', 'value'],
  name: ['name', 'title', 'label', 'service', 'description'],
  url: ['url', 'uri', 'address', 'endpoint', 'host', 'website', 'login_uri'],
  account: ['username', 'user', 'account', 'login', 'email'],
  notes: ['notes', 'note', 'comment', 'extra'],
}

/** Which column is which, from the header names; a column is guessed for one role at most. */
export function guessColumns(headers: readonly string[]): CsvColumns {
  const taken = new Set<number>()
  const mapping: CsvColumns = {}
  const plain = headers.map((h) => h.trim().toLowerCase().replace(/[\s_-]+/g, ' '))
  for (const role of ['secret', 'url', 'account', 'notes', 'name'] as const) {
    for (const word of ROLE_WORDS[role]) {
      const w = word.replace(/[\s_-]+/g, ' ')
      const exact = plain.findIndex((h, i) => !taken.has(i) && h === w)
      const found = exact >= 0 ? exact : plain.findIndex((h, i) => !taken.has(i) && h.split(' ').includes(w))
      if (found >= 0) {
        mapping[role] = found
        taken.add(found)
        break
      }
    }
  }
  return mapping
}

/**
 * A CSV, or a spreadsheet saved as one: papaparse reads quotes, embedded commas and line breaks,
 * and guesses the delimiter (a spreadsheet in many locales saves with semicolons). The first row
 * is the headers; the person maps the columns, and until they do, the guess stands.
 */
export function readCsv(text: string, columns: CsvColumns | undefined): SourceRead {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  const [headerRow, ...rows] = parsed.data
  if (!headerRow || headerRow.length < 2) {
    throw new KeyholdError('FILE_UNREADABLE', { message: 'Keyhold could not read that file: it is not a CSV with a row of column names and a column for the key. Nothing was added.' })
  }
  const headers = headerRow.map((h) => h.trim())
  const mapping = columns ?? guessColumns(headers)
  for (const role of CSV_ROLES) {
    const at = mapping[role]
    if (at !== undefined && at >= headers.length) throw new KeyholdError('INVALID_INPUT', { field: 'columns', message: 'A chosen column is not in this file. Choose the columns again.' })
  }
  const candidates: Candidate[] = []
  const skipped: SkippedRow[] = []
  const cell = (cells: readonly string[], role: CsvRole) => {
    const at = mapping[role]
    const value = at === undefined ? undefined : cells[at]?.trim()
    return value === '' ? undefined : value
  }
  rows.forEach((cells, i) => {
    const row = i + 1
    const url = cell(cells, 'url')
    const name = cell(cells, 'name') ?? fallbackName(row, url)
    const secret = mapping.secret === undefined ? undefined : cells[mapping.secret]
    if (secret === undefined || secret.trim() === '') {
      skipped.push({ row, name, reason: mapping.secret === undefined ? 'No column is chosen as the key.' : 'The key’s cell is empty.' })
      return
    }
    candidates.push({ row, name, secret, url, username: cell(cells, 'account'), notes: cell(cells, 'notes') })
  })
  return { source: 'csv', candidates, skipped, csv: { headers, mapping } }
}
