import { useBadgeTone, useProvider } from '../providers-ui'

/** A coloured monogram for the provider; the name itself is given as text beside it. */
export function ProviderBadge({ provider }: { provider: string }) {
  const descriptor = useProvider(provider)
  const tone = useBadgeTone(provider)
  return (
    <span className={`provider-badge tone-${tone}`} aria-hidden="true">
      {descriptor?.short ?? '?'}
    </span>
  )
}
