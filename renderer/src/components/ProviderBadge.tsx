import { useBadgeTone, useProvider } from '../providers-ui'

/** A coloured monogram for the provider; the name itself is given as text beside it. */
export function ProviderBadge({ provider, small = false }: { provider: string; small?: boolean }) {
  const descriptor = useProvider(provider)
  const tone = useBadgeTone(provider)
  return (
    <span className={`provider-badge tone-${tone}${small ? ' small' : ''}`} aria-hidden="true">
      {descriptor?.short ?? '?'}
    </span>
  )
}
