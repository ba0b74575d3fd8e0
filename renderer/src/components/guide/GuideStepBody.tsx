import type { GuideStep, PortalLink, ProviderDescriptor, Warning } from '../../../../electron/shared/providers/descriptor'
import { fieldValueOf } from '../../../../electron/shared/validation/field-schemas'

/** A portal link's URL with the key's own values (or the link's defaults) in its placeholders. */
export function linkUrl(link: PortalLink, details: unknown): string {
  return link.url.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const own = fieldValueOf(details, name)
    return encodeURIComponent(own !== undefined && own !== '' ? own : (link.defaults?.[name] ?? ''))
  })
}

/** A provider's own warning, in its own words; a danger is announced, the others are notes. */
export function WarningNote({ warning }: { warning: Warning }) {
  return (
    <div className={`warning warning-${warning.level}`} role={warning.level === 'danger' ? 'alert' : 'note'}>
      <strong>{warning.title}</strong> <span>{warning.text}</span>
    </div>
  )
}

/** One step of a provider's guide: its words, its warnings, and the portal page it opens. */
export function GuideStepBody({ step, descriptor, details }: { step: GuideStep; descriptor: ProviderDescriptor; details: unknown }) {
  const link = step.link ? descriptor.links.find((l) => l.id === step.link) : undefined
  return (
    <>
      {step.body.map((p) => (
        <p key={p}>{p}</p>
      ))}
      {step.warnings?.map((w) => <WarningNote key={w.title} warning={w} />)}
      {/* An ordinary link: the web host opens a new tab; the desktop app's window.open checks the portal allowlist. */}
      {link && (
        <p>
          <a href={linkUrl(link, details)} target="_blank" rel="noopener noreferrer">
            {link.label}
          </a>
        </p>
      )}
    </>
  )
}
