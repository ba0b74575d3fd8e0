import type { ProviderDescriptor } from './descriptor'

/** Any REST API the person describes: its address and how the key travels. */
export const custom: ProviderDescriptor = {
  id: 'custom',
  label: 'Custom REST API',
  short: 'API',
  summary: 'Any REST API: you give its address and how the key is sent, and Keyhold checks it there.',
  fields: [
    { path: 'baseUrl', label: 'Base URL', hint: 'The API’s address, starting with https://', rule: { kind: 'url' }, required: true, initial: 'https://', searchable: true, shownAs: 'Address' },
    {
      path: 'auth.kind',
      label: 'How the key is sent',
      rule: {
        kind: 'choice',
        options: [
          { value: 'bearer', label: 'Authorization: Bearer header' },
          { value: 'header', label: 'A header of its own (for example X-API-Key)' },
          { value: 'basic', label: 'HTTP Basic (username and key)' },
        ],
      },
      required: true,
      initial: 'bearer',
      shownAs: 'Sent as',
    },
    { path: 'auth.headerName', label: 'Header name', rule: { kind: 'headerName' }, required: true, initial: 'X-API-Key', when: { path: 'auth.kind', oneOf: ['header'] } },
    { path: 'auth.username', label: 'Username', rule: { kind: 'text', max: 200 }, required: false, when: { path: 'auth.kind', oneOf: ['basic'] } },
    {
      path: 'check.path',
      label: 'Check path (optional)',
      hint: 'Where Keyhold asks whether the key works, after the base URL — a cheap read such as /me or /ping. Empty: the base URL itself.',
      rule: { kind: 'path' },
      required: false,
      shownAs: 'Check path',
    },
    {
      path: 'check.works',
      label: 'Statuses that mean the key works (optional)',
      hint: 'Such as 200-299. Empty: any 2xx answer that is not a web page.',
      rule: { kind: 'statusRanges' },
      required: false,
      shownAs: 'Works on',
    },
    {
      path: 'check.rejected',
      label: 'Statuses that mean the key is rejected (optional)',
      hint: 'Such as 401, 403. Empty: 401. Any other answer reads “could not be checked”.',
      rule: { kind: 'statusRanges' },
      required: false,
      shownAs: 'Rejected on',
    },
  ],
  secret: { label: 'API key', noun: 'key' },
  settings: { fields: [] },
  links: [],
  portalHosts: [],
  constraints: {},
  guides: {
    generate: [
      { id: 'get', title: 'Get a key from the service', body: ['Create or copy a key in the service’s own settings, following its documentation.'] },
      { id: 'describe', title: 'Say where the API is and how the key is sent', body: ['Give the API’s address and how the key travels. Keyhold sends the key only there, over HTTPS.'], action: 'enter-fields', fields: ['baseUrl', 'auth.kind', 'auth.headerName', 'auth.username'] },
      {
        id: 'statuses',
        title: 'Say how Keyhold reads the answer',
        body: ['Give the path Keyhold calls to check the key, and which HTTP statuses mean the key works and which mean it was rejected. Any other answer reads “could not be checked”.'],
        action: 'enter-fields',
        fields: ['check.path', 'check.works', 'check.rejected'],
      },
      { id: 'capture', title: 'Paste the key', body: ['Choose “Paste from clipboard”: Keyhold keeps it encrypted and clears the clipboard.'], action: 'capture-secret' },
      { id: 'check', title: 'Check it', body: ['Keyhold calls the address with the key. An answer it cannot read says “could not be checked”.'], action: 'check' },
      { id: 'name', title: 'Name the key', body: ['Name it for what uses it.'], action: 'name' },
    ],
    rotate: [
      { id: 'new', title: 'Create the new key in the service', body: ['Follow the service’s documentation.'] },
      { id: 'capture', title: 'Paste the new key', body: ['Choose “Paste from clipboard”.'], action: 'capture-secret' },
      { id: 'check', title: 'Check the new key', body: ['Keyhold checks it first.'], action: 'check' },
      { id: 'integrations', title: 'Update every integration', body: ['Put the new key wherever the old one was used.'], action: 'update-integrations' },
      { id: 'revoke-old', title: 'Revoke the old key in the service', body: ['Follow the service’s documentation.'] },
      { id: 'verify', title: 'Keyhold confirms the old key is rejected', body: ['Keyhold checks the old key until the service rejects it.'], action: 'verify-revoked' },
    ],
    revoke: [
      { id: 'revoke', title: 'Revoke the key in the service', body: ['Follow the service’s documentation.'] },
      { id: 'confirm', title: 'Confirm', body: ['A revoked key usually cannot be brought back.'], action: 'confirm-irreversible' },
      { id: 'verify', title: 'Keyhold confirms the key is rejected', body: ['Keyhold checks the key: a rejection proves the revocation took effect.'], action: 'verify-revoked' },
    ],
    share: [
      { id: 'dedicated', title: 'Prefer a key of their own', body: ['If the service allows several keys, create one for the other person, named for them.'], action: 'suggest-dedicated-key' },
      { id: 'file', title: 'Or send it as an encrypted Keyhold file', body: ['Never by email.'] },
    ],
  },
}
