import type { ProviderDescriptor } from './descriptor'

// From the provider's own document (../shared/seeds/000_*): every instruction and warning in it
// lands in a step, a constraint or a field hint below.

const SHARED_ACCOUNT = {
  level: 'danger',
  title: 'Avoid changing settings on shared accounts',
  text: 'API settings are unique to each individual Threadeo user account. If you are using a shared Threadeo account under permission, use extreme caution before changing anything, because it could result in other shared users being locked out.',
} as const

const NO_UNAUTHORIZED_USE = {
  level: 'caution',
  title: 'No unauthorized usage',
  text: 'Unauthorized usage of credentials or modification of any API settings is a violation of Threadeo’s Terms of Service, and could lead to unexpected nonrefundable charges and/or removal from the platform.',
} as const

const SHOWN_ONCE = {
  level: 'danger',
  title: 'The token is shown only once',
  text: 'This overlay, in this session, is the only time that you’ll be able to access this token (due to encryption). Read the warning, turn the toggle to “I understand”, then press the “Copy” button. Keyhold reads it from the clipboard at once.',
} as const

const TWO_TOKENS = {
  level: 'caution',
  title: 'At most two tokens are active',
  text: 'You can have a maximum of two tokens active at any time. There is no limit to the number of times you can generate tokens. However, only two will be stored and active.',
} as const

const PROTECT = {
  level: 'info',
  title: 'Protect your API credentials',
  text: 'Your API key is like a username. Your secret token is like a sensitive password. Please store and manage them securely — Keyhold keeps the token encrypted in your vault.',
} as const

const NO_ACCESS = 'If you see an error in accessing this page, API access has not yet been enabled for your user account. To receive access, speak to your business team or email support@threadeo.com.'

export const threadeo: ProviderDescriptor = {
  id: 'threadeo',
  label: 'Threadeo',
  short: 'Td',
  summary: 'Legal-practice platform. An API key (like a username) and a secret token (like a password), on your firm’s Threadeo subdomain.',
  fields: [
    {
      path: 'tenant',
      label: 'Threadeo subdomain',
      hint: 'The part before .threadeo.com in your Threadeo address. The default is “legal”; your business team may have enabled a custom subdomain.',
      rule: { kind: 'dnsLabel', underDomain: 'threadeo.com' },
      required: true,
      initial: 'legal',
      searchable: true,
      shownAs: 'Threadeo subdomain',
    },
    {
      path: 'apiKey',
      label: 'API key (acts like a username)',
      hint: 'Shown on your API Settings page above the Generate Secret Token button.',
      rule: { kind: 'identifier' },
      required: true,
      copyable: true,
      shownAs: 'API key',
    },
  ],
  secret: { label: 'Secret token', noun: 'secret token', hint: 'Shown once by Threadeo: paste it from the clipboard right after pressing Copy.' },
  settings: {
    unconfirmed: 'Threadeo’s check request is an assumption (HTTP Basic with the API key and token to a “current user” address): confirm it against your Threadeo documentation.',
    fields: [
      {
        name: 'baseUrl',
        label: 'Threadeo address template',
        hint: 'Your Threadeo address with {tenant} where the subdomain goes, such as https://{tenant}.threadeo.com',
        rule: { kind: 'urlTemplate', placeholder: '{tenant}', fillFrom: 'tenant' },
        default: 'https://{tenant}.threadeo.com',
        legacyName: 'threadeoBaseUrl',
      },
      {
        name: 'checkPath',
        label: 'Threadeo check path',
        hint: 'The address Keyhold asks to check a token, such as /api/v1/me',
        rule: { kind: 'path' },
        default: '/api/v1/me',
        legacyName: 'threadeoCheckPath',
      },
    ],
  },
  links: [{ id: 'api-settings', label: 'Open your Threadeo API Settings page', url: 'https://{tenant}.threadeo.com/', defaults: { tenant: 'legal' } }],
  portalHosts: ['*.threadeo.com'],
  constraints: {
    maxActiveSecrets: { count: 2, per: ['tenant', 'apiKey'], text: TWO_TOKENS.text },
    shownOnce: SHOWN_ONCE.text,
    changeCaution: SHARED_ACCOUNT.text,
    support: 'You’ll need a Threadeo account before proceeding. Contact your business team or email support@threadeo.com to get an account.',
  },
  guides: {
    generate: [
      {
        id: 'account',
        title: 'Have a Threadeo account with API access',
        body: [
          'You’ll need a Threadeo account before proceeding. If you need a new Threadeo account, it’s best to speak with your business team, or email support@threadeo.com.',
        ],
        warnings: [NO_UNAUTHORIZED_USE, SHARED_ACCOUNT],
      },
      {
        id: 'subdomain',
        title: 'Your Threadeo subdomain',
        body: [
          'Your API Settings page is on your firm’s Threadeo address. The default is legal.threadeo.com; you may have a custom subdomain enabled from your business team. If so, use it in place of “legal”.',
          'You can paste your Threadeo address, such as https://acme.threadeo.com/…, and Keyhold takes the subdomain from it.',
        ],
        action: 'enter-fields',
        fields: ['tenant'],
      },
      {
        id: 'open-settings',
        title: 'Sign in and open API Settings',
        body: ['Sign in to your Threadeo account and go to your API Settings page.', NO_ACCESS, 'If API access has been enabled, you will see your API key. Copy it into Keyhold: it is like a username.'],
        link: 'api-settings',
        action: 'open-portal',
        warnings: [PROTECT],
        fields: ['apiKey'],
      },
      {
        id: 'generate',
        title: 'Generate a secret token',
        body: [
          'If you only see the button “Generate Secret Token” below your API key, click it. This will generate a new secret token and open an overlay.',
        ],
        warnings: [SHOWN_ONCE, TWO_TOKENS, SHARED_ACCOUNT],
      },
      {
        id: 'capture',
        title: 'Paste the token into Keyhold',
        body: ['After pressing Copy in Threadeo’s overlay, choose “Paste from clipboard”. Keyhold reads the token in the background, keeps it encrypted and clears the clipboard.'],
        action: 'capture-secret',
      },
      { id: 'check', title: 'Check the API key and token', body: ['Keyhold checks the API key and token against Threadeo at once, before anything is saved.'], action: 'check' },
      { id: 'name', title: 'Name the key', body: ['Give it a name that says what it is for, such as “Threadeo – case intake”.'], action: 'name' },
    ],
    rotate: [
      {
        id: 'slots',
        title: 'Make room for the new token',
        body: [TWO_TOKENS.text, 'If two tokens are already active, delete the one you no longer use first (see Revoke), or rotate the older one.'],
        warnings: [SHARED_ACCOUNT],
      },
      { id: 'generate', title: 'Generate the new token', body: ['On your API Settings page, click “Generate Secret Token”, turn the toggle to “I understand”, then press “Copy”.'], link: 'api-settings', action: 'open-portal', warnings: [SHOWN_ONCE] },
      { id: 'capture', title: 'Paste the new token into Keyhold', body: ['Choose “Paste from clipboard”: the new token is captured at once.'], action: 'capture-secret' },
      { id: 'check', title: 'Check the new token', body: ['Keyhold checks the new token before anything else changes.'], action: 'check' },
      { id: 'integrations', title: 'Update every integration', body: ['Put the new token into each program or integration that used the old one.'], action: 'update-integrations' },
      {
        id: 'delete-old',
        title: 'Delete the old token in Threadeo',
        body: ['On its right, click the “Delete” link, read the overlay, and click “Yes” to proceed with deletion. Please read all warnings in Threadeo’s documentation and on your API Settings page before deleting any tokens.'],
        link: 'api-settings',
        warnings: [SHARED_ACCOUNT],
      },
      { id: 'verify', title: 'Keyhold confirms the old token is rejected', body: ['Keyhold checks the old token until Threadeo rejects it, then archives it as revoked.'], action: 'verify-revoked' },
    ],
    revoke: [
      {
        id: 'delete',
        title: 'Delete the token in Threadeo',
        body: [
          'Open your API Settings page. To delete a token, click on the “Delete” link on its right, read the overlay, and click “Yes” to proceed with deletion.',
          'Please read all warnings in Threadeo’s documentation and on your API Settings page before deleting any tokens.',
        ],
        link: 'api-settings',
        action: 'open-portal',
        warnings: [SHARED_ACCOUNT, NO_UNAUTHORIZED_USE],
      },
      { id: 'confirm', title: 'Confirm', body: ['A deleted token cannot be used again. Integrations still using it will stop working.'], action: 'confirm-irreversible' },
      { id: 'verify', title: 'Keyhold confirms the token is rejected', body: ['Keyhold checks the token: a rejection proves the deletion took effect.'], action: 'verify-revoked' },
    ],
    share: [
      {
        id: 'dedicated',
        title: 'Prefer a token of their own',
        body: ['Threadeo settings belong to one user account, and only two tokens can be active. Rather than sharing yours, ask your business team to enable API access for the other person’s own account.'],
        warnings: [SHARED_ACCOUNT, NO_UNAUTHORIZED_USE],
        action: 'suggest-dedicated-key',
      },
      { id: 'file', title: 'Or send it as an encrypted Keyhold file', body: ['Threadeo has no sharing of its own. Keyhold can send this key to one person’s Keyhold as an encrypted file — never by email.'] },
    ],
  },
}
