import { Archive, List, Tag, TriangleAlert, type LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { ALL_KEYS, NEEDS_ATTENTION, REVOKED, sameView, STALE_AFTER_DAYS, type ListView } from '../list-views'
import { providerLabel, useProviders } from '../providers-ui'
import { selectSettings, selectView, selectViewCounts } from '../store/selectors'
import { useStore } from '../store/store'
import { ProviderBadge } from './ProviderBadge'

export const SIDEBAR_ID = 'key-lists'

interface ItemProps {
  view: ListView
  label: string
  count: number
  icon: ReactNode
  /** Said after the name by screen readers and as a tooltip: what the list holds. */
  description?: string
  onChosen: () => void
}

function Item({ view, label, count, icon, description, onChosen }: ItemProps) {
  const current = sameView(useStore(selectView), view)
  const setView = useStore((s) => s.setView)
  return (
    <li>
      <button
        type="button"
        className="nav-item"
        aria-current={current ? 'true' : undefined}
        title={description ?? label}
        onClick={() => {
          setView(view)
          onChosen()
        }}
      >
        {icon}
        <span className="nav-label">{label}</span>
        <span className="nav-count">
          <span className="visually-hidden">, </span>
          {count}
        </span>
      </button>
    </li>
  )
}

const icon = (Icon: LucideIcon) => <Icon className="nav-icon" size={18} aria-hidden="true" focusable="false" />

/**
 * The lists of keys, each with its count: all of them, what needs attention, each provider in use,
 * each tag, and the revoked archive. Choosing one narrows the list beside it; the search narrows
 * further. `onChosen` lets a collapsed sidebar close once a list is picked.
 */
export function Sidebar({ open, onChosen }: { open: boolean; onChosen: () => void }) {
  const counts = useStore(selectViewCounts)
  const providers = useProviders()
  const warnDays = useStore(selectSettings)?.reminders.warnDays
  const attention = `Expired${warnDays ? `, expiring within ${warnDays} days` : ' or expiring soon'}, rejected or blocked at the last check, or not checked in ${STALE_AFTER_DAYS} days`
  return (
    <nav
      id={SIDEBAR_ID}
      className={open ? 'sidebar open' : 'sidebar'}
      aria-label="Key lists"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) onChosen()
      }}
    >
      <ul className="nav-group">
        <Item view={ALL_KEYS} label="All keys" count={counts.all} icon={icon(List)} onChosen={onChosen} />
        <Item view={NEEDS_ATTENTION} label="Needs attention" count={counts.attention} icon={icon(TriangleAlert)} description={attention} onChosen={onChosen} />
      </ul>
      {counts.providers.length > 0 && (
        <>
          <h2 className="nav-heading" id="nav-providers">
            Providers
          </h2>
          <ul className="nav-group" aria-labelledby="nav-providers">
            {counts.providers.map(({ provider, count }) => (
              <Item
                key={provider}
                view={{ kind: 'provider', provider }}
                label={providerLabel(
                  providers.find((p) => p.id === provider),
                  provider,
                )}
                count={count}
                icon={<ProviderBadge provider={provider} small />}
                onChosen={onChosen}
              />
            ))}
          </ul>
        </>
      )}
      {counts.tags.length > 0 && (
        <>
          <h2 className="nav-heading" id="nav-tags">
            Tags
          </h2>
          <ul className="nav-group" aria-labelledby="nav-tags">
            {counts.tags.map(({ tag, count }) => (
              <Item key={tag} view={{ kind: 'tag', tag }} label={tag} count={count} icon={icon(Tag)} onChosen={onChosen} />
            ))}
          </ul>
        </>
      )}
      <ul className="nav-group nav-archive">
        <Item view={REVOKED} label="Revoked" count={counts.revoked} icon={icon(Archive)} description="Keys revoked at their provider and verified; kept with their history" onChosen={onChosen} />
      </ul>
    </nav>
  )
}
