import type { ProviderDescriptor } from '../../electron/shared/providers'
import type { ListView, ViewCounts } from './list-views'
import { providerLabel } from './providers-ui'

/** A list's name as the sidebar shows it, or null for All keys (which needs no naming). */
export function viewName(view: ListView, providers: readonly ProviderDescriptor[]): string | null {
  switch (view.kind) {
    case 'all':
      return null
    case 'attention':
      return 'Needs attention'
    case 'revoked':
      return 'Revoked'
    case 'provider':
      return providerLabel(
        providers.find((p) => p.id === view.provider),
        view.provider,
      )
    case 'tag':
      return `tag “${view.tag}”`
  }
}

/** How many keys the list holds, from the sidebar's counts. */
export function viewCount(view: ListView, counts: ViewCounts): number {
  switch (view.kind) {
    case 'all':
      return counts.all
    case 'attention':
      return counts.attention
    case 'revoked':
      return counts.revoked
    case 'provider':
      return counts.providers.find((p) => p.provider === view.provider)?.count ?? 0
    case 'tag':
      return counts.tags.find((t) => t.tag === view.tag)?.count ?? 0
  }
}
