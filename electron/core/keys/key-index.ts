import type { KeyListEntry, KeySummary } from '../../shared/dto'
import type { ProviderRegistry } from '../../shared/providers/registry'
import type { KeyMeta } from './record-codec'

export interface IndexedKey {
  readonly summary: KeySummary
  readonly meta: KeyMeta
  /** The GCM tag of the row's meta blob when this entry was read or written (see list-snapshot). */
  readonly metaTag: string
  /** Lower-cased text that search matches against. */
  readonly haystack: string
  readonly sortKey: string
}

const ASCII = /^[\x00-\x7f]*$/

export function normalizeForSearch(text: string): string {
  // NFKC leaves ASCII unchanged, and skipping it for the common case halves unlock indexing time.
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKC').toLowerCase()
}

export function indexKey(summary: KeySummary, meta: KeyMeta, metaTag: string, registry: ProviderRegistry): IndexedKey {
  const haystack = normalizeForSearch(
    [meta.name, meta.account, meta.tags.join(' '), registry.label(meta.details.provider), registry.searchText(meta.details)].join('\n'),
  )
  return { summary, meta, metaTag, haystack, sortKey: normalizeForSearch(meta.name) }
}

/**
 * The decrypted list, kept sorted so that listing and searching 10,000 keys is a scan of
 * prepared strings rather than a decrypt or a sort on every keystroke.
 */
export class KeyIndex {
  private readonly byId = new Map<string, IndexedKey>()
  private readonly damaged = new Set<string>()
  private sorted: KeyListEntry[] | undefined
  private sortedIndexed: IndexedKey[] | undefined

  get(id: string): IndexedKey | undefined {
    return this.byId.get(id)
  }

  /** Every readable key in list order (the order the snapshot is written in). */
  sortedEntries(): readonly IndexedKey[] {
    return this.indexedInOrder()
  }

  isDamaged(id: string): boolean {
    return this.damaged.has(id)
  }

  put(entry: IndexedKey): void {
    this.byId.set(entry.summary.id, entry)
    this.damaged.delete(entry.summary.id)
    this.invalidate()
  }

  markDamaged(id: string): void {
    this.byId.delete(id)
    this.damaged.add(id)
    this.invalidate()
  }

  remove(id: string): void {
    this.byId.delete(id)
    this.damaged.delete(id)
    this.invalidate()
  }

  clear(): void {
    this.byId.clear()
    this.damaged.clear()
    this.invalidate()
  }

  list(): readonly KeyListEntry[] {
    this.sorted ??= [
      ...this.indexedInOrder().map((k) => k.summary),
      ...[...this.damaged].sort().map((id) => ({ id, damaged: true as const })),
    ]
    return this.sorted
  }

  search(query: string): readonly KeyListEntry[] {
    const needle = normalizeForSearch(query.trim())
    if (needle === '') return this.list()
    const out: KeyListEntry[] = []
    for (const k of this.indexedInOrder()) if (k.haystack.includes(needle)) out.push(k.summary)
    return out
  }

  private indexedInOrder(): IndexedKey[] {
    this.sortedIndexed ??= [...this.byId.values()].sort((a, b) =>
      a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.summary.id < b.summary.id ? -1 : 1,
    )
    return this.sortedIndexed
  }

  private invalidate(): void {
    this.sorted = undefined
    this.sortedIndexed = undefined
  }
}
