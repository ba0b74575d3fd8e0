import { OUTCOME_SENTENCES } from '../../electron/shared/checks'
import type { ProviderDescriptor } from '../../electron/shared/providers'
import { checkUrl, isRecord, looksLikeHtml, parseJson, stringField, tooLarge } from '../../electron/core/providers/profile'
import { definePlugin, type ProviderCheck } from '../../electron/core/providers/provider-check'

/**
 * A provider that exists only in the tests: "Ledgerly", a made-up bookkeeping API. Adding it took
 * this file and its emulator (test/sandbox/providers/ledgerly.ts), and no product file: the proof
 * that a provider is one descriptor and one check (DESIGN.md, "Providers and checks").
 */
export const ledgerlyDescriptor: ProviderDescriptor = {
  id: 'ledgerly',
  label: 'Ledgerly (test provider)',
  short: 'Lg',
  summary: 'A bookkeeping API that exists only in Keyhold’s tests.',
  fields: [
    { path: 'workspace', label: 'Ledgerly workspace', hint: 'The workspace the key belongs to.', rule: { kind: 'identifier' }, required: true, searchable: true },
    {
      path: 'region',
      label: 'Data region',
      rule: { kind: 'choice', options: [{ value: 'eu', label: 'Europe' }, { value: 'us', label: 'United States' }] },
      required: true,
      initial: 'eu',
    },
  ],
  secret: { label: 'Ledgerly key', noun: 'key' },
  settings: {
    fields: [{ name: 'baseUrl', label: 'Ledgerly base URL', hint: 'Where the Ledgerly API is.', rule: { kind: 'url' }, default: 'https://api.ledgerly.example' }],
  },
  links: [{ id: 'keys', label: 'Open Ledgerly', url: 'https://app.ledgerly.example/keys' }],
  portalHosts: ['app.ledgerly.example'],
  constraints: { onePerIntegration: 'One key per integration.' },
  guides: {
    generate: [
      { id: 'open', title: 'Open Ledgerly’s keys page', body: ['Create a key.'], link: 'keys', action: 'open-portal' },
      { id: 'capture', title: 'Paste it', body: ['Paste from clipboard.'], action: 'capture-secret' },
      { id: 'name', title: 'Name it', body: ['Name it.'], action: 'name' },
    ],
    rotate: [{ id: 'verify', title: 'Verify', body: ['Keyhold checks the old key.'], action: 'verify-revoked' }],
    revoke: [
      { id: 'confirm', title: 'Confirm', body: ['Irreversible.'], action: 'confirm-irreversible' },
      { id: 'verify', title: 'Verify', body: ['Keyhold checks the key.'], action: 'verify-revoked' },
    ],
    share: [{ id: 'dedicated', title: 'A key of their own', body: ['Make one for them.'], action: 'suggest-dedicated-key' }],
  },
}

type LedgerlyDetails = { readonly provider: string; readonly workspace: string; readonly region: string }
type LedgerlySettings = { readonly baseUrl: string }

const ledgerlyCheck: ProviderCheck<LedgerlyDetails, LedgerlySettings> = {
  id: 'ledgerly',
  request(details, secret, settings) {
    const url = checkUrl(settings.baseUrl, `/${details.region}/whoami`)
    return { url: url.toString(), headers: { 'X-Ledgerly-Key': secret, 'X-Ledgerly-Workspace': details.workspace, Accept: 'application/json' } }
  },
  classify(response, details) {
    const requestId = response.headers.get('x-request-id')
    if (response.truncated) return tooLarge(response, requestId)
    const json = parseJson(response.body)
    if (response.status === 200 && isRecord(json) && !looksLikeHtml(response) && stringField(json, 'workspace') === details.workspace) {
      return { outcome: 'valid', detail: null, requestId }
    }
    if (response.status === 401) return { outcome: 'invalid', detail: 'HTTP 401', requestId }
    return { outcome: 'unknown', detail: `HTTP ${response.status}`, requestId }
  },
  sentence(outcome) {
    return outcome === 'valid' ? 'Works in its Ledgerly workspace' : OUTCOME_SENTENCES[outcome]
  },
}

export const ledgerlyPlugin = definePlugin(ledgerlyDescriptor, ledgerlyCheck)
