import type { NewKeyInput, ProviderDetailsInput } from '../../shared/dto'
import type { CoreProviders } from '../providers/registry'
import { fallbackName, type Candidate } from './candidate'

/**
 * Which provider a key from another app is, from its address or its name (DESIGN.md, "Files in
 * and out"; providers.md): each provider's check says what it recognises
 * (core/providers/<id>.ts, `recogniseImport`); an address no other provider claims becomes a
 * Custom REST API key there. The result is the contract's input for a new key: the key
 * store's own validation judges it next, so a recognition that went wrong is refused, not stored.
 */
export function recognise(candidate: Candidate, providers: CoreProviders): NewKeyInput | { readonly problem: string } {
  const common = {
    name: shownName(candidate),
    secret: candidate.secret,
    ...(candidate.notes ? { notes: candidate.notes } : {}),
    ...(candidate.tags && candidate.tags.length > 0 ? { tags: candidate.tags } : {}),
    ...(candidate.expiresOn ? { expiresOn: candidate.expiresOn } : {}),
    ...(candidate.exact ? { keepSecretAsIs: true } : { trimSecret: true }),
  }
  if (candidate.details) return { ...common, ...(candidate.username ? { account: candidate.username } : {}), details: candidate.details }
  const found = detailsFor(candidate, providers)
  if ('problem' in found) return found
  const { details } = found
  // A username is the account, unless the provider took it as one of its details (an API key).
  const account = candidate.username && Object.values(details).includes(candidate.username) ? undefined : candidate.username
  return { ...common, ...(account ? { account } : {}), details }
}

/**
 * The key's name as the preview and the list show it. A file whose name is its key (a column
 * mapped twice, a KeePass entry titled with its password) must not put the secret there.
 */
export function shownName(candidate: Candidate): string {
  const secret = candidate.secret.trim()
  return secret !== '' && candidate.name.includes(secret) ? fallbackName(candidate.row, candidate.url) : candidate.name
}

function detailsFor(candidate: Candidate, providers: CoreProviders): { readonly details: ProviderDetailsInput } | { readonly problem: string } {
  const url = parseUrl(candidate.url)
  const details = providers.recogniseImport({ url, named: `${candidate.name} ${candidate.url ?? ''}`.toLowerCase(), name: candidate.name, username: candidate.username })
  if (details) return { details }
  return { problem: 'It has no address: a Custom REST API key needs the address of its API (map a URL column, or add the key by hand).' }
}

function parseUrl(raw: string | undefined): URL | undefined {
  const text = raw?.trim()
  if (!text) return undefined
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`
  if (!URL.canParse(withScheme)) return undefined
  const url = new URL(withScheme)
  return url.hostname.includes('.') || url.hostname === 'localhost' ? url : undefined
}
