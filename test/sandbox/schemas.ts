import { z } from 'zod'
import type { Fault, FaultRule, SandboxKey } from './types'

// Header-safe, no spaces: a secret has to travel in an Authorization or X-API-Key header.
const headerToken = z.string().regex(/^[\x21-\x7e]+$/, 'visible ASCII without spaces')

export const sandboxKeySchema: z.ZodType<SandboxKey> = z.strictObject({
  secret: headerToken,
  state: z.enum(['active', 'revoked', 'expired']).optional(),
  services: z.array(z.string().min(1)).optional(),
  wrongNetwork: z.boolean().optional(),
  featureDisabled: z.boolean().optional(),
  plan: z.enum(['professional', 'basic']).optional(),
  // Basic auth splits user:password at the first colon, so the username part cannot hold one.
  apiKey: headerToken.regex(/^[^:]+$/, 'no colon').optional(),
  apiAccessDisabled: z.boolean().optional(),
  tenant: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'a DNS label').optional(),
})

export const faultSchema: z.ZodType<Fault> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), ms: z.number().int().min(0).max(120_000) }),
  z.strictObject({
    kind: z.literal('status'),
    status: z.number().int().min(200).max(599),
    retryAfter: z.string().optional(),
    body: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal('hang') }),
  z.strictObject({ kind: z.literal('reset') }),
  z.strictObject({ kind: z.literal('garbage') }),
  z.strictObject({ kind: z.literal('huge'), status: z.number().int().min(200).max(599).optional() }),
  z.strictObject({ kind: z.literal('redirect') }),
  z.strictObject({ kind: z.literal('html200') }),
])

export const faultRulesSchema: z.ZodType<FaultRule[]> = z.array(
  z.strictObject({
    fault: faultSchema,
    times: z.number().int().min(1).optional(),
    perKey: z.boolean().optional(),
    secret: z.string().min(1).optional(),
  }),
)

export const secretOnlySchema = z.strictObject({ secret: z.string().min(1) })
