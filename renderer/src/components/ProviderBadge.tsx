import type { ProviderId } from '../../../electron/shared/providers'
import { PROVIDERS } from '../providers-ui'

/** A coloured monogram for the provider; the name itself is given as text beside it. */
export function ProviderBadge({ provider }: { provider: ProviderId }) {
  return (
    <span className={`provider-badge provider-${provider}`} aria-hidden="true">
      {PROVIDERS[provider].short}
    </span>
  )
}
