import type { ProviderDescriptor } from './descriptor'

// From the provider's own document (../shared/seeds/002_*).

const PLAN = 'You must be subscribed to the Professional plan to access the Spreeflo API.'
const IRREVERSIBLE = {
  level: 'danger',
  title: 'Revoking cannot be undone',
  text: 'Once you’ve revoked an API key, it can’t be reactivated. You’ll need to generate a new key and update any integrations that use the original key.',
} as const
const OWN_KEY = {
  level: 'caution',
  title: 'Give each integration its own API key',
  text: 'Assign descriptive names to each key so you know which key goes with which app. If a specific API key is compromised, you can revoke that key without disabling access to your other integrations.',
} as const
const NOT_PUBLIC = {
  level: 'caution',
  title: 'Don’t expose the key',
  text: 'Be careful not to expose the key to the public (such as in screenshots, videos, or help documents). Remember that blurring your data isn’t always enough. It’s best to remove the data completely.',
} as const
const NEVER_EMAIL = {
  level: 'danger',
  title: 'Never email an API key',
  text: 'Emailing a key could allow access to your Spreeflo account if hackers were to compromise your email account. If you need to share access to your account, generate a new key and name it so you’ll know which key to revoke, if needed.',
} as const
const PROTECT = {
  level: 'info',
  title: 'Protect it like a password',
  text: 'API keys grant access to your Spreeflo account. Protect them the same way you would protect your password.',
} as const

export const spreeflo: ProviderDescriptor = {
  id: 'spreeflo',
  label: 'Spreeflo',
  short: 'Sf',
  summary: 'Marketing automation platform. Named API keys on the Professional plan, one per integration.',
  fields: [
    {
      path: 'keyName',
      label: 'Key name in Spreeflo',
      hint: 'The name you gave the key under Settings › API Keys. Spreeflo advises one key per integration.',
      rule: { kind: 'text', max: 200 },
      required: true,
      searchable: true,
    },
    {
      path: 'integration',
      label: 'Integration it serves',
      hint: 'The app or integration that uses this key, such as “Website sign-up form”. Give each integration its own key.',
      rule: { kind: 'text', max: 200 },
      required: false,
      searchable: true,
      shownAs: 'Integration',
    },
  ],
  secret: { label: 'API key', noun: 'key' },
  settings: {
    unconfirmed: 'Spreeflo’s check request is an assumption (its Ping API, with the key sent as set below): confirm it against Spreeflo’s API Reference.',
    fields: [
      { name: 'baseUrl', label: 'Spreeflo base URL', hint: 'The API address, such as https://api.spreeflo.com/v1', rule: { kind: 'url' }, default: 'https://api.spreeflo.com/v1', legacyName: 'spreefloBaseUrl' },
      { name: 'checkPath', label: 'Spreeflo check path', hint: 'The address of the Ping API, such as /ping', rule: { kind: 'path' }, default: '/ping', legacyName: 'spreefloCheckPath' },
      {
        name: 'auth',
        label: 'How the Spreeflo key is sent',
        hint: 'Spreeflo’s API Reference says which; Bearer is the usual one.',
        rule: {
          kind: 'choice',
          options: [
            { value: 'bearer', label: 'Authorization: Bearer header' },
            { value: 'x-api-key', label: 'X-API-Key header' },
            { value: 'basic', label: 'HTTP Basic (the key as password)' },
          ],
        },
        default: 'bearer',
        legacyName: 'spreefloAuth',
      },
    ],
  },
  links: [{ id: 'api-keys', label: 'Open Spreeflo', url: 'https://app.spreeflo.com/' }],
  portalHosts: ['app.spreeflo.com'],
  constraints: {
    requiresPlan: { plan: 'Professional', text: PLAN },
    onePerIntegration: OWN_KEY.text,
    onePerValue: { field: 'integration', text: `Another key in this vault already serves this integration. ${OWN_KEY.text}` },
    revokeIrreversible: IRREVERSIBLE.text,
    support: 'Need help? Contact Spreeflo’s support team at support@spreeflo.com.',
  },
  guides: {
    generate: [
      { id: 'plan', title: 'Check your plan: Professional', body: [PLAN, 'Without it, a key authenticates but the API refuses it.'] },
      { id: 'open', title: 'Open Settings › API Keys', body: ['In Spreeflo, navigate to Settings > API Keys and click + Add API Key.'], link: 'api-keys', action: 'open-portal' },
      {
        id: 'name-in-spreeflo',
        title: 'Give the key a descriptive name',
        body: ['Provide a name for your API key that says which integration it serves, and click Create. Enter the same name in Keyhold.'],
        warnings: [OWN_KEY],
        action: 'enter-fields',
        fields: ['keyName', 'integration'],
      },
      { id: 'capture', title: 'Copy the key into Keyhold', body: ['Click the clipboard icon to copy your API key, then choose “Paste from clipboard”. Keyhold keeps it encrypted and clears the clipboard.'], action: 'capture-secret', warnings: [PROTECT, NOT_PUBLIC] },
      { id: 'check', title: 'Check it with the Ping API', body: ['Keyhold calls Spreeflo’s Ping API, a lightweight call that checks your API key is valid and able to return API responses.'], action: 'check' },
      { id: 'name', title: 'Name the key', body: ['Name it for the integration it serves, such as “Spreeflo – website sign-up form”.'], action: 'name' },
    ],
    rotate: [
      { id: 'create', title: 'Create the replacement key', body: ['Navigate to Settings > API Keys, click + Add API Key, give it the same integration’s name, and click Create.'], link: 'api-keys', action: 'open-portal', warnings: [OWN_KEY] },
      { id: 'capture', title: 'Copy the new key into Keyhold', body: ['Click the clipboard icon, then choose “Paste from clipboard”.'], action: 'capture-secret' },
      { id: 'check', title: 'Check the new key', body: ['Keyhold pings Spreeflo with the new key first.'], action: 'check' },
      { id: 'integrations', title: 'Update the integration', body: ['Put the new key into the integration that used the old one.'], action: 'update-integrations' },
      { id: 'revoke-old', title: 'Revoke the old key', body: ['Click the trash icon next to the old key and click Confirm.'], link: 'api-keys', warnings: [IRREVERSIBLE] },
      { id: 'verify', title: 'Keyhold confirms the old key is rejected', body: ['Keyhold pings with the old key until Spreeflo rejects it, then archives it as revoked.'], action: 'verify-revoked' },
    ],
    revoke: [
      {
        id: 'why',
        title: 'When to revoke',
        body: ['If an API key has been compromised, or you no longer use the integration that was accessing your account through it, revoke that key.'],
      },
      { id: 'trash', title: 'Revoke it in Spreeflo', body: ['Navigate to Settings > API Keys and click the trash icon next to the API key you want to revoke. Click Confirm to revoke the API key.'], link: 'api-keys', action: 'open-portal', warnings: [IRREVERSIBLE] },
      { id: 'confirm', title: 'Confirm', body: [IRREVERSIBLE.text], action: 'confirm-irreversible' },
      { id: 'verify', title: 'Keyhold confirms the key is rejected', body: ['Keyhold pings Spreeflo with the key: a rejection proves the revocation took effect.'], action: 'verify-revoked' },
    ],
    share: [
      { id: 'dedicated', title: 'Generate a new key for them', body: ['If you need to share access to your account, generate a new key and name it for the person, so you’ll know which key to revoke, if needed.'], warnings: [NEVER_EMAIL], action: 'suggest-dedicated-key', link: 'api-keys' },
      { id: 'file', title: 'Send it as an encrypted Keyhold file', body: ['Keyhold sends the new key to one person’s Keyhold as an encrypted file — never by email.'], warnings: [NEVER_EMAIL] },
    ],
  },
}
