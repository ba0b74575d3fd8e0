import { useVirtualizer } from '@tanstack/react-virtual'
import { TriangleAlert } from 'lucide-react'
import { useRef, type KeyboardEvent } from 'react'
import type { KeyListEntry } from '../../../electron/shared/dto'
import { providerLabel, useProvider } from '../providers-ui'
import { selectSelectedId, selectVisibleEntries } from '../store/selectors'
import { useStore } from '../store/store'
import { CheckButton } from './CheckButton'
import { CopyButton } from './CopyButton'
import { RowClipboardStatus } from './CopyStatus'
import { RowStatus, RowWhen } from './OutcomeBadge'
import { ProviderBadge } from './ProviderBadge'

const ROW_HEIGHT = 84

/** The key's tags, from the left; those that do not fit stay out of sight, listed in the tooltip and read out in full. */
function RowTags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null
  return (
    <span className="key-tags" title={tags.join(', ')}>
      <span className="visually-hidden">Tags: </span>
      {tags.map((t) => (
        <span className="tag" key={t}>
          {t}
        </span>
      ))}
    </span>
  )
}

/** One key: a button that opens it and, beside it (never inside it), the buttons that copy and check it. */
function KeyRow({ entry, selected, onSelect }: { entry: KeyListEntry; selected: boolean; onSelect: () => void }) {
  if (entry.damaged) {
    return (
      <button type="button" className="key-row damaged" aria-current={selected || undefined} onClick={onSelect}>
        <span className="provider-badge" aria-hidden="true">
          <TriangleAlert size={18} aria-hidden="true" focusable="false" />
        </span>
        <span className="key-main">
          <span className="key-name">Damaged entry</span>
          <span className="key-sub">This entry cannot be read. Your other keys are not affected.</span>
        </span>
      </button>
    )
  }
  return <LiveKeyRow entry={entry} selected={selected} onSelect={onSelect} />
}

function LiveKeyRow({ entry, selected, onSelect }: { entry: Exclude<KeyListEntry, { damaged: true }>; selected: boolean; onSelect: () => void }) {
  const label = providerLabel(useProvider(entry.provider), entry.provider)
  const usable = entry.hasSecret && entry.revokedAt === null
  return (
    <>
      <button type="button" className="key-row" aria-current={selected || undefined} onClick={onSelect}>
        <ProviderBadge provider={entry.provider} />
        <span className="key-main">
          <span className="key-line">
            <span className="key-name">{entry.name}</span>
            <span className="visually-hidden">. </span>
            <RowClipboardStatus keyId={entry.id} />
            <RowWhen entry={entry} />
          </span>
          <RowStatus entry={entry} provider={label} />
          <span className="key-line">
            <span className="key-sub">
              <span className="visually-hidden">{label}. </span>
              {entry.account || label}
              {!entry.hasSecret && entry.revokedAt === null && ' · no key stored'}
              {entry.sharing === 'shared' && ' · shared'}
              {entry.sharing === 'was-shared' && ' · was shared'}
            </span>
            <RowTags tags={entry.tags} />
          </span>
        </span>
      </button>
      {usable && <CopyButton keyId={entry.id} field="secret" label="Copy" accessibleName={`Copy key of ${entry.name}`} className="row-copy" />}
      {usable && <CheckButton id={entry.id} keyName={entry.name} className="row-check" />}
    </>
  )
}

/** Only the rows in view are in the page, so 10,000 keys scroll as smoothly as ten. */
export function KeyList() {
  const entries = useStore(selectVisibleEntries)
  const selectedId = useStore(selectSelectedId)
  const select = useStore((s) => s.select)
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })

  // Up and down move between keys, staying in the same column (open, copy or check), scrolling rows
  // into the page as they are reached.
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const target = event.target as HTMLElement
    const li = target.closest('li')
    const current = li?.dataset['index']
    if (!li || current === undefined) return
    const column = target.closest('.check-button') ? '.check-button' : target.closest('.copy-button') ? '.copy-button' : '.key-row'
    const next = Number(current) + (event.key === 'ArrowDown' ? 1 : -1)
    if (next < 0 || next >= entries.length) return
    event.preventDefault()
    virtualizer.scrollToIndex(next)
    requestAnimationFrame(() => {
      const row = scrollRef.current?.querySelector<HTMLLIElement>(`li[data-index="${next}"]`)
      ;(row?.querySelector<HTMLButtonElement>(column) ?? row?.querySelector<HTMLButtonElement>('button'))?.focus()
    })
  }

  if (entries.length === 0) {
    return <p className="list-empty">No keys match. Change the search, choose “Any outcome” under Show, or pick another list.</p>
  }

  return (
    <div className="key-list-scroll" ref={scrollRef}>
      <ul className="key-list" aria-label="Keys" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index] as KeyListEntry
          return (
            <li
              key={entry.id}
              data-index={item.index}
              aria-setsize={entries.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              <KeyRow entry={entry} selected={entry.id === selectedId} onSelect={() => void select(entry.id)} />
            </li>
          )
        })}
      </ul>
    </div>
  )
}
