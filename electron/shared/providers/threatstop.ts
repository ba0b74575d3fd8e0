import type { ProviderDescriptor } from './descriptor'

// From the provider's own document (../shared/seeds/001_*) and its public pages (providers.md §1).

const ORG_KEYS = 'API keys are tied to the Organization in which they were generated. API keys are not tied to individual users.'
const KEEP_SECURE = {
  level: 'caution',
  title: 'Keep API keys secure',
  text: 'Any person in possession of an API key could potentially gain access to the data of the account associated with the key.',
} as const
const PERMISSIONS = 'API keys can be configured to grant access to individual services, as well as in a write or read-only capacity. Ensure that the key you are using has the required permission to access the services that you are using. The Read permission only allows GET requests, while the Write permission grants access to the POST, PATCH, PUT and DELETE methods.'
const EXPIRY = 'API keys can be set to expire. Keys that have expired will be rejected by the API server.'
const SUBNETS = 'API keys can be restricted to one or multiple subnets, so that a person who stole the key could not use it from elsewhere.'
const CORS = 'Optionally, list origins for CORS as a comma-separated list, e.g. https://www.mydomain.com, https://sub.mydomain.com; leave empty if CORS support isn’t needed for this key. Each origin must include the protocol. For the origin to be accepted, the client must provide the key in the pre-flight request (withCredentials).'
const UNTRUSTED = {
  level: 'caution',
  title: 'Be careful not to expose your key to untrusted users',
  text: 'A key used from a web page (CORS) is visible to whoever uses that page.',
} as const
const UNSHARING = {
  level: 'danger',
  title: 'Unsharing does not invalidate a key',
  text: 'Unsharing a key doesn’t invalidate the key, or remove access from the user it was shared with. To invalidate a key after it has been shared, it must be deleted using the Delete Key button on the list of API keys in the Admin Portal.',
} as const
const SHARING = 'Sharing an API key with the Share Key feature of the Admin Portal passes a key to another ThreatSTOP user without sending it over email or chat. Sharing a key doesn’t alter the permissions associated with the key. The key remains valid only for the customer account in which it was created.'


/** The services a key can be granted access to, with the portal's names. */
const SERVICES = [
  { value: 'devices', label: 'Devices' },
  { value: 'policies', label: 'Custom policies' },
  { value: 'ip_lists', label: 'User-defined IP lists' },
  { value: 'domain_lists', label: 'User-defined domain lists' },
  { value: 'threatlists', label: 'ThreatList settings' },
  { value: 'check_ioc', label: 'Check IOC' },
  { value: 'logs', label: 'Log-file status' },
] as const

/** The services a key can be granted access to (configurable slugs, see providers.md §1). */
export const THREATSTOP_SERVICES: readonly string[] = SERVICES.map((service) => service.value)

// One choice per service, as the Admin Portal's form asks: an empty choice is no access (not stored).
const ACCESS_OPTIONS = [
  { value: '', label: 'No access' },
  { value: 'read', label: 'Read (GET only)' },
  { value: 'write', label: 'Write (POST, PATCH, PUT and DELETE)' },
  { value: 'read-write', label: 'Read and write' },
] as const

export const threatstop: ProviderDescriptor = {
  id: 'threatstop',
  label: 'ThreatSTOP',
  short: 'TS',
  summary: 'Threat-intelligence service (REST API v4). Organization keys with per-service read or write permission, expiry, subnets and CORS origins.',
  fields: [
    {
      path: 'service',
      label: 'Service the key can read',
      hint: 'Keyhold checks the key with a read (GET) request to this service, so pick one the key has Read permission for.',
      rule: { kind: 'choice', options: SERVICES },
      required: true,
      initial: 'devices',
      searchable: true,
      shownAs: 'Service it can read',
    },
    ...SERVICES.map((service) => ({
      path: `access.${service.value}`,
      label: `${service.label}: permission`,
      rule: { kind: 'choice', options: ACCESS_OPTIONS } as const,
      required: false,
      shownAs: `${service.label} permission`,
    })),
    {
      path: 'subnets',
      label: 'Subnets the key is restricted to',
      hint: 'As set in the Admin Portal: CIDR subnets, IPv4 or IPv6, separated by commas, such as 203.0.113.0/24, 2001:db8::/32. Empty if the key is not restricted.',
      rule: { kind: 'cidrList' },
      required: false,
      shownAs: 'Subnets',
    },
    {
      path: 'corsOrigins',
      label: 'CORS origins',
      hint: 'Comma-separated, each with its protocol, such as https://www.mydomain.com, https://sub.mydomain.com. Leave empty if CORS support isn’t needed for this key.',
      rule: { kind: 'originList' },
      required: false,
      shownAs: 'CORS origins',
    },
  ],
  secret: { label: 'API key', noun: 'key' },
  settings: {
    fields: [
      {
        name: 'baseUrl',
        label: 'ThreatSTOP base URL',
        hint: 'The REST API address, such as https://rest.threatstop.com/v4.0',
        rule: { kind: 'url' },
        default: 'https://rest.threatstop.com/v4.0',
        legacyName: 'threatstopBaseUrl',
      },
    ],
  },
  links: [
    { id: 'api-keys', label: 'Open the ThreatSTOP Admin Portal', url: 'https://admin.threatstop.com/' },
    { id: 'partner-portal', label: 'Open the ThreatSTOP Partner Portal', url: 'https://partner-portal.threatstop.com/' },
  ],
  portalHosts: ['admin.threatstop.com', 'partner-portal.threatstop.com', 'docs.threatstop.com'],
  constraints: {
    ownedBy: ORG_KEYS,
    perServicePermissions: PERMISSIONS,
    expiry: EXPIRY,
    subnets: SUBNETS,
    corsOrigins: CORS,
    providerSharing: { text: SHARING, unsharingDoesNotInvalidate: UNSHARING.text },
  },
  guides: {
    generate: [
      {
        id: 'portal',
        title: 'Open API Keys in the Admin Portal',
        body: ['API keys are tied to accounts with access to the Admin Portal. Log into your Admin Portal account and click the API Keys menu entry.', ORG_KEYS],
        link: 'api-keys',
        action: 'open-portal',
        warnings: [KEEP_SECURE],
      },
      {
        id: 'add',
        title: 'Add an API key, or use an existing one',
        body: ['Use an existing key or click the Add API Key button to create a new one.'],
      },
      {
        id: 'permissions',
        title: 'Choose services and permissions',
        body: [PERMISSIONS, 'A key can reach several services: give each the permission you chose in the portal. Keyhold checks the key against one it can read.'],
        action: 'enter-fields',
        fields: [...SERVICES.map((service) => `access.${service.value}`), 'service'],
      },
      { id: 'expiry', title: 'Set an expiry', body: [EXPIRY, 'Enter the same date in Keyhold and it will remind you before the key stops working.'], action: 'enter-fields', fields: ['expiresOn'] },
      { id: 'subnets', title: 'Restrict it to your networks', body: [SUBNETS, 'Enter subnets as CIDR, IPv4 or IPv6, such as 203.0.113.0/24 or 2001:db8::/32.'], action: 'enter-fields', fields: ['subnets'] },
      { id: 'cors', title: 'CORS origins, only if a web page uses the key', body: [CORS], warnings: [UNTRUSTED], action: 'enter-fields', fields: ['corsOrigins'] },
      { id: 'capture', title: 'Copy the key into Keyhold', body: ['Copy the key in the Admin Portal, then choose “Paste from clipboard”. Keyhold keeps it encrypted and clears the clipboard.'], action: 'capture-secret' },
      { id: 'check', title: 'Check the key', body: ['Keyhold sends one read request with the key (Authorization: Bearer) and tells you what ThreatSTOP answered.'], action: 'check' },
      { id: 'name', title: 'Name the key', body: ['Name it for what uses it, such as “Firewall sync – devices”.'], action: 'name' },
    ],
    rotate: [
      { id: 'add', title: 'Add a new key with the same permissions', body: ['In the Admin Portal’s API Keys, click Add API Key and give it the same services, permissions, expiry, subnets and origins as the old one.'], link: 'api-keys', action: 'open-portal' },
      { id: 'capture', title: 'Copy the new key into Keyhold', body: ['Choose “Paste from clipboard”.'], action: 'capture-secret' },
      { id: 'check', title: 'Check the new key', body: ['Keyhold checks it before anything else changes.'], action: 'check' },
      { id: 'integrations', title: 'Update every integration', body: ['Put the new key into every device, script or service that used the old one.'], action: 'update-integrations' },
      { id: 'delete-old', title: 'Delete the old key', body: ['In the list of API keys, use the Delete Key button on the old key.'], link: 'api-keys', warnings: [UNSHARING] },
      { id: 'verify', title: 'Keyhold confirms the old key is refused', body: ['Keyhold checks the old key until ThreatSTOP refuses it, then archives it as revoked.'], action: 'verify-revoked' },
    ],
    revoke: [
      {
        id: 'delete',
        title: 'Delete the key in the Admin Portal',
        body: ['Open API Keys in the Admin Portal and use the Delete Key button on the key. Unsharing it is not enough.'],
        link: 'api-keys',
        action: 'open-portal',
        warnings: [UNSHARING],
      },
      { id: 'confirm', title: 'Confirm', body: ['A deleted key cannot be used again; every integration using it stops working.'], action: 'confirm-irreversible' },
      {
        id: 'verify',
        title: 'Keyhold confirms the key is refused',
        body: [
          'ThreatSTOP answers an unknown key and a key from another network the same way. A key that worked from this computer before and now gets that answer has been deleted, so Keyhold counts it as confirmed.',
        ],
        action: 'verify-revoked',
      },
    ],
    share: [
      { id: 'dedicated', title: 'Prefer a key of their own', body: ['Add a key for the other person with only the services they need, named for them, so it can be deleted on its own.'], link: 'api-keys', action: 'suggest-dedicated-key' },
      { id: 'share-key', title: 'Or use Share Key in the Admin Portal', body: [SHARING], link: 'api-keys', warnings: [UNSHARING], action: 'record-share' },
    ],
  },
}
