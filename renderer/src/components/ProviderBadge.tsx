import { badgeTone, useProvider } from '../providers-ui'

/** A coloured monogram for the provider; the name itself is given as text beside it. */
export function ProviderBadge({ provider }: { provider: string }) {
  const descriptor = useProvider(provider)
  return (
    <span className={`provider-badge tone-${badgeTone(provider)}`} aria-hidden="true">
      {descriptor?.short ?? '?'}
    </span>
  )
}
