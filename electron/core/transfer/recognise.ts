import type { NewKeyInput, ProviderDetailsInput } from '../../shared/dto'
import { fallbackName, type Candidate } from './candidate'

/**
 * Which provider a key from another app is, from its address or its name (DESIGN.md, "Files in
 * and out"; providers.md): a Threadeo tenant's host (`https://<tenant>.threadeo.com`) with the API
 * key as its username, a ThreatSTOP host, a Spreeflo host. Anything else becomes a Custom REST API
 * key at the address it came with. The result is the contract's input for a new key: the key
 * store's own validation judges it next, so a recognition that went wrong is refused, not stored.
 */
export function recognise(candidate: Candidate): NewKeyInput | { readonly problem: string } {
  const common = {
    name: shownName(candidate),
    secret: candidate.secret,
    ...(candidate.notes ? { notes: candidate.notes } : {}),
    ...(candidate.tags && candidate.tags.length > 0 ? { tags: candidate.tags } : {}),
    ...(candidate.expiresOn ? { expiresOn: candidate.expiresOn } : {}),
    ...(candidate.exact ? { keepSecretAsIs: true } : { trimSecret: true }),
  }
  if (candidate.details) return { ...common, ...(candidate.username ? { account: candidate.username } : {}), details: candidate.details }
  const found = detailsFor(candidate)
  if ('problem' in found) return found
  const { details } = found
  // A username is the account, except Threadeo's, which is its API key (a detail, not an account).
  const account = details.provider === 'threadeo' ? undefined : candidate.username
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

function detailsFor(candidate: Candidate): { readonly details: ProviderDetailsInput } | { readonly problem: string } {
  const url = parseUrl(candidate.url)
  const host = url?.hostname ?? ''
  const named = `${candidate.name} ${candidate.url ?? ''}`.toLowerCase()
  if (host.endsWith('.threadeo.com') && candidate.username) {
    return { details: { provider: 'threadeo', tenant: host.slice(0, -'.threadeo.com'.length), apiKey: candidate.username } }
  }
  if (host === 'threatstop.com' || host.endsWith('.threatstop.com') || (!url && named.includes('threatstop'))) {
    // Keyhold checks a ThreatSTOP key by reading one service; devices is what a new key starts with.
    return { details: { provider: 'threatstop', service: 'devices' } }
  }
  if (host.split('.').some((label) => label === 'spreeflo') || (!url && named.includes('spreeflo'))) {
    return { details: { provider: 'spreeflo', keyName: candidate.name } }
  }
  if (url) return { details: { provider: 'custom', baseUrl: addressOf(url), auth: { kind: 'bearer' } } }
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

/** The API's address as a base URL: no credentials, query or fragment (the url rule refuses them). */
function addressOf(url: URL): string {
  const clean = new URL(url.href)
  clean.username = ''
  clean.password = ''
  clean.search = ''
  clean.hash = ''
  const text = clean.href
  return clean.pathname === '/' ? text.slice(0, -1) : text
}
