import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type KeyboardEvent } from 'react'
import type { KeyListEntry } from '../../../electron/shared/dto'
import { MASKED_SECRET, PROVIDERS } from '../providers-ui'
import { selectSelectedId, selectVisibleEntries } from '../store/selectors'
import { useStore } from '../store/store'
import { ProviderBadge } from './ProviderBadge'

const ROW_HEIGHT = 68

function KeyRow({ entry, selected, onSelect }: { entry: KeyListEntry; selected: boolean; onSelect: () => void }) {
  if (entry.damaged) {
    return (
      <button type="button" className="key-row damaged" aria-current={selected || undefined} onClick={onSelect}>
        <span className="provider-badge" aria-hidden="true">!</span>
        <span className="key-main">
          <span className="key-name">Damaged entry</span>
          <span className="key-sub">This entry cannot be read. Your other keys are not affected.</span>
        </span>
      </button>
    )
  }
  return (
    <button type="button" className="key-row" aria-current={selected || undefined} onClick={onSelect}>
      <ProviderBadge provider={entry.provider} />
      <span className="key-main">
        <span className="key-name">{entry.name}</span>
        <span className="key-sub">
          <span className="visually-hidden">{PROVIDERS[entry.provider].label}. </span>
          {entry.account || PROVIDERS[entry.provider].label}
        </span>
      </span>
      <span className="key-secret" aria-label="Key hidden">
        {entry.hasSecret ? MASKED_SECRET : 'no key stored'}
      </span>
      {entry.tags.length > 0 && (
        <span className="key-tags">
          {entry.tags.map((t) => (
            <span className="tag" key={t}>
              {t}
            </span>
          ))}
        </span>
      )}
    </button>
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

  // Up and down move between keys, scrolling rows into the page as they are reached.
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const current = (event.target as HTMLElement).closest('li')?.dataset['index']
    if (current === undefined) return
    const next = Number(current) + (event.key === 'ArrowDown' ? 1 : -1)
    if (next < 0 || next >= entries.length) return
    event.preventDefault()
    virtualizer.scrollToIndex(next)
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLButtonElement>(`li[data-index="${next}"] button`)?.focus())
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
