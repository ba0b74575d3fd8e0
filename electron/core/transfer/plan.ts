import type { CoreProviders } from '../providers/registry'
import { createHash } from 'node:crypto'
import type { ImportSource } from '../../shared/activity'
import type { ImportRow } from '../../shared/transfer'
import { KeyholdError } from '../errors'
import type { KeyUpdate, NewKey } from '../keys/key-input'
import { validateNewKey } from '../keys/validate-key'
import type { SourceRead } from './candidate'
import { recognise, shownName } from './recognise'

/** A key already in the vault, as the plan compares it: what an import may fill in. */
export interface VaultKey {
  readonly id: string
  readonly provider: string
  readonly secret: string
  readonly account: string
  readonly notes: string
  readonly tags: readonly string[]
  readonly expiresOn: string | null
}

export interface ImportPlan {
  readonly source: ImportSource
  readonly rows: readonly ImportRow[]
  readonly add: readonly NewKey[]
  readonly update: readonly KeyUpdate[]
}

/** Same provider and secret ⇒ the same key; compared by a digest so the map holds no secret as a key. */
export function sameKey(provider: string, secret: string): string {
  return createHash('sha256').update(provider).update('\u0000').update(secret).digest('base64')
}

const ALREADY = 'Already in the vault.'
const TWICE = 'The same key is earlier in this file.'
const FILLS = 'Already in the vault: fills in what the vault’s copy lacks (account, notes, tags or expiry).'

/**
 * What importing would do. Every candidate becomes a key by the key store's own validation (a row
 * it refuses is skipped with that sentence). A key already in the vault is never duplicated, and
 * never overwritten: when the file has an account, notes, tags or an expiry the vault's copy lacks,
 * the import fills those in ("update"); otherwise the row is skipped as already there. The name
 * and the provider's details stay as the person left them in Keyhold.
 */
export function planImport(read: SourceRead, providers: CoreProviders, vaultKeys: readonly VaultKey[]): ImportPlan {
  const { registry } = providers
  const existing = new Map(vaultKeys.map((k) => [sameKey(k.provider, k.secret), k]))
  const seen = new Set<string>()
  const rows: ImportRow[] = read.skipped.map((s) => ({ row: s.row, name: s.name, provider: null, action: 'skip', reason: s.reason }))
  const add: NewKey[] = []
  const update: KeyUpdate[] = []
  for (const candidate of read.candidates) {
    const input = recognise(candidate, providers)
    if ('problem' in input) {
      rows.push({ row: candidate.row, name: shownName(candidate), provider: null, action: 'skip', reason: input.problem })
      continue
    }
    let key: NewKey
    try {
      key = validateNewKey(input, registry)
    } catch (err) {
      if (!(err instanceof KeyholdError)) throw err
      rows.push({ row: candidate.row, name: input.name, provider: input.details.provider, action: 'skip', reason: err.message })
      continue
    }
    const provider = key.details.provider
    const id = sameKey(provider, key.secret)
    if (seen.has(id)) {
      rows.push({ row: candidate.row, name: key.name, provider, action: 'skip', reason: TWICE })
      continue
    }
    seen.add(id)
    const there = existing.get(id)
    if (!there) {
      add.push(key)
      rows.push({ row: candidate.row, name: key.name, provider, action: 'add' })
      continue
    }
    const changes = fillIn(there, key)
    if (changes) {
      update.push({ id: there.id, changes })
      rows.push({ row: candidate.row, name: key.name, provider, action: 'update', reason: FILLS })
    } else {
      rows.push({ row: candidate.row, name: key.name, provider, action: 'skip', reason: ALREADY })
    }
  }
  rows.sort((a, b) => a.row - b.row)
  return { source: read.source, rows, add, update }
}

function fillIn(there: VaultKey, key: NewKey): KeyUpdate['changes'] | undefined {
  const changes: { account?: string; notes?: string; tags?: readonly string[]; expiresOn?: string } = {}
  if (there.account === '' && key.account !== '') changes.account = key.account
  if (there.notes === '' && key.notes !== '') changes.notes = key.notes
  if (there.tags.length === 0 && key.tags.length > 0) changes.tags = key.tags
  if (there.expiresOn === null && key.expiresOn !== null) changes.expiresOn = key.expiresOn
  return Object.keys(changes).length > 0 ? changes : undefined
}
