import { z } from 'zod'
import type { ErrorCode } from '../errors'
import type { FieldDescriptor, FieldRule, ProviderDescriptor, SettingDescriptor } from '../providers/descriptor'
import { hasControlChars } from './text-rules'

/** A refinement that, when it fails, reports one of our error codes rather than INVALID_INPUT. */
export const coded = (code: ErrorCode) => ({ params: { keyholdCode: code } })

export const singleLine = (max: number) =>
  z.string().max(max).refine((v) => !hasControlChars(v), coded('NAME_CONTROL_CHARS'))

export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** HTTPS, or plain HTTP to this machine only (the provider sandboxes); no credentials, query or fragment. */
export function isSafeBaseUrl(raw: string): boolean {
  if (!URL.canParse(raw)) return false
  const url = new URL(raw)
  return (
    (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === ''
  )
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
// Header names a key may travel in; hop-by-hop and routing headers are not among them.
const RESERVED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'cookie', 'origin', 'referer'])

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

function isIpv6(text: string): boolean {
  // Defer to the URL parser: it accepts exactly the IPv6 literals a browser would.
  return /^[0-9a-f:.]+$/i.test(text) && text.includes(':') && URL.canParse(`http://[${text}]/`)
}

/** `10.0.0.0/8` or `2001:db8::/32`: an address and a prefix length that fits its family. */
export function isCidr(text: string): boolean {
  const [address, prefix, ...rest] = text.split('/')
  if (rest.length > 0 || address === undefined || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return false
  const bits = Number(prefix)
  if (IPV4.test(address)) return bits <= 32
  return isIpv6(address) && bits <= 128
}

/** Why one origin is refused, or null: each origin must carry its protocol (a provider's documented rule). */
export function originProblem(text: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return `“${text}” needs its protocol, such as https://${text}`
  if (!URL.canParse(text)) return `“${text}” is not a web address`
  const url = new URL(text)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `“${text}” must start with https:// or http://`
  if (url.origin === 'null' || url.pathname !== '/' || url.search || url.hash || url.username) {
    return `“${text}” must be an origin only: protocol and host, no path`
  }
  if (text.replace(/\/$/, '').toLowerCase() !== url.origin.toLowerCase()) return `“${text}” is not written as an origin`
  return null
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/**
 * `https://acme.threadeo.com/settings`, `acme.threadeo.com` → `acme`: the one label in front of
 * `domain`. Anything else comes back as typed (trimmed, lower-cased) for the label rule to judge,
 * so an address on another host, or two labels deep, is refused rather than guessed at.
 */
export function subdomainOf(text: string, domain: string): string {
  const typed = text.trim().toLowerCase()
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(typed) ? typed : `https://${typed}`
  if (!typed.includes('.') || !URL.canParse(withScheme)) return typed
  const host = new URL(withScheme).hostname
  const suffix = `.${domain}`
  return host.endsWith(suffix) ? host.slice(0, -suffix.length) : typed
}

/** `200-299, 304` → [[200, 299], [304, 304]]; null when any part is not a status or range of them. */
export function parseStatusRanges(text: string): [number, number][] | null {
  const ranges: [number, number][] = []
  for (const part of splitList(text)) {
    const m = /^(\d{3})(?:\s*-\s*(\d{3}))?$/.exec(part)
    if (!m) return null
    const from = Number(m[1])
    const to = Number(m[2] ?? m[1])
    if (from < 100 || to > 599 || from > to) return null
    ranges.push([from, to])
  }
  return ranges
}

/** The zod schema of one rule. Messages are ours, never built from the value itself. */
export function ruleSchema(rule: FieldRule): z.ZodType<string> {
  switch (rule.kind) {
    case 'text':
      return singleLine(rule.max ?? 200)
    case 'identifier':
      return z
        .string()
        .max(512)
        .refine((v) => !/\s/u.test(v) && !hasControlChars(v), { message: 'has spaces or invisible characters' })
    case 'dnsLabel': {
      const label = z.string().max(63).regex(DNS_LABEL, { message: 'is not a subdomain: use letters, digits and hyphens' })
      const { underDomain } = rule
      return underDomain === undefined ? label : z.string().transform((v) => subdomainOf(v, underDomain)).pipe(label)
    }
    case 'url':
      return z.string().max(2048).refine(isSafeBaseUrl, { message: 'must be an https:// address' })
    case 'headerName':
      return z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/)
        .refine((v) => !RESERVED_HEADERS.has(v.toLowerCase()), { message: 'is a header Keyhold cannot send a key in' })
    case 'choice': {
      const values = rule.options.map((o) => o.value)
      return z.string().refine((v) => values.includes(v), { message: 'is not one of the choices Keyhold knows' })
    }
    case 'path':
      return z.string().max(512).regex(/^\/[A-Za-z0-9._~!$&'()*+,;=:@/%-]*$/, { message: 'must be a path starting with /' })
    case 'urlTemplate': {
      const { placeholder } = rule
      return z
        .string()
        .max(2048)
        .refine((v) => v.split(placeholder).length === 2 && isSafeBaseUrl(v.replace(placeholder, 'x')), {
          message: `must be an https:// address containing ${placeholder} once`,
        })
    }
    case 'cidrList':
      return z
        .string()
        .max(4096)
        .refine((v) => splitList(v).every(isCidr), { message: 'must be subnets such as 203.0.113.0/24 or 2001:db8::/32, separated by commas' })
    case 'statusRanges':
      return z
        .string()
        .max(200)
        .refine((v) => parseStatusRanges(v) !== null, { message: 'must be statuses or ranges from 100 to 599, such as 200-299, 304' })
    case 'originList':
      return z
        .string()
        .max(4096)
        .superRefine((v, ctx) => {
          const problem = splitList(v).map(originProblem).find((p) => p !== null)
          if (problem) ctx.addIssue({ code: 'custom', message: problem })
        })
  }
}

function getPath(value: unknown, path: string): unknown {
  let current = value
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, part)) return undefined
    current = (current as Record<string, unknown>)[part]
  }
  return current
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let current = target
  for (const part of parts.slice(0, -1)) {
    const next = Object.hasOwn(current, part) ? current[part] : undefined
    if (typeof next === 'object' && next !== null) current = next as Record<string, unknown>
    else current = current[part] = {}
  }
  current[parts.at(-1) as string] = value
}

/** A provider's details from its fields' values by dotted path (`auth.kind`), empty ones left out. */
export function nestDetails(provider: string, values: Readonly<Record<string, string>>): ProviderDetailsValue {
  const out: Record<string, unknown> = { provider }
  for (const [path, value] of Object.entries(values)) if (value !== '') setPath(out, path, value)
  return out as ProviderDetailsValue
}

export function fieldApplies(field: FieldDescriptor, details: unknown): boolean {
  if (!field.when) return true
  const other = getPath(details, field.when.path)
  return typeof other === 'string' && field.when.oneOf.includes(other)
}

/** The value of a key's field at its dotted path, if it is text. */
export function fieldValueOf(details: unknown, path: string): string | undefined {
  const value = getPath(details, path)
  return typeof value === 'string' ? value : undefined
}

/** Every path that holds a value, including the objects on the way (`auth` for `auth.kind`). */
function knownPaths(fields: readonly FieldDescriptor[]): Set<string> {
  const known = new Set<string>(['provider'])
  for (const f of fields) {
    const parts = f.path.split('.')
    for (let i = 1; i <= parts.length; i++) known.add(parts.slice(0, i).join('.'))
  }
  return known
}

function unknownPaths(value: unknown, known: Set<string>, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return []
  const out: string[] = []
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (!known.has(path)) out.push(path)
    else out.push(...unknownPaths(inner, known, path))
  }
  return out
}

/**
 * The schema of one provider's details, built from its fields: each applicable field checked by
 * its rule (required ones non-empty), fields that do not apply dropped, unknown fields refused.
 * Issue paths are the fields' dotted paths, so a form can show each error at its field.
 */
export function detailsSchema(descriptor: ProviderDescriptor): z.ZodType<ProviderDetailsValue> {
  const known = knownPaths(descriptor.fields)
  const rules = new Map(descriptor.fields.map((f) => [f.path, ruleSchema(f.rule)]))
  return z.unknown().transform((input, ctx): ProviderDetailsValue => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      ctx.addIssue({ code: 'custom', message: 'is missing or not in the expected form' })
      return z.NEVER
    }
    for (const path of unknownPaths(input, known)) {
      ctx.addIssue({ code: 'unrecognized_keys', keys: [path.split('.').at(-1) as string], path: path.split('.').slice(0, -1), message: 'unknown field' })
    }
    const out: Record<string, unknown> = { provider: descriptor.id }
    for (const field of descriptor.fields) {
      if (!fieldApplies(field, input)) continue
      const raw = getPath(input, field.path)
      const path = field.path.split('.')
      if (raw === undefined || raw === '') {
        // An optional field left empty is not stored: older keys and new ones read the same.
        if (field.required) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: raw, path, message: 'required' })
        continue
      }
      const parsed = (rules.get(field.path) as z.ZodType<string>).safeParse(raw)
      if (parsed.success) setPath(out, field.path, parsed.data)
      else for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [...path, ...issue.path] } as never)
    }
    return out as ProviderDetailsValue
  })
}

/** A provider's settings: each one by its rule, missing ones taken from the defaults. */
export function settingsSchema(fields: readonly SettingDescriptor[]) {
  return z
    .object(Object.fromEntries(fields.map((f) => [f.name, ruleSchema(f.rule).optional()])))
    .strict()
}

/** One provider's details: its id and the values of its fields (nested where a path is dotted). */
export interface ProviderDetailsValue {
  readonly provider: string
  readonly [field: string]: DetailValue
}
export type DetailValue = string | { readonly [field: string]: DetailValue }
