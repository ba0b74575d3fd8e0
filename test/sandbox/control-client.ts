import type { FaultRule, ProviderId, ReceivedCredential, SandboxKey } from './types'

export interface SandboxControl {
  addKey(key: SandboxKey): Promise<void>
  revoke(secret: string): Promise<void>
  expire(secret: string): Promise<void>
  setFaults(rules: FaultRule[]): Promise<void>
  received(): Promise<ReceivedCredential[]>
  info(): Promise<{ provider: ProviderId; url: string; requestCount: number }>
}

/**
 * Scripts a sandbox running in another process through its `/__sandbox/` API; `url` is the
 * sandbox URL as printed by the CLI. Throws with the sandbox's message on any non-2xx answer.
 */
export function controlSandbox(url: string): SandboxControl {
  const endpoint = (name: string): URL => new URL(`/__sandbox/${name}`, url)
  const call = async (name: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(
      endpoint(name),
      body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    )
    const parsed: unknown = await res.json()
    if (!res.ok) throw new Error(`sandbox ${name}: ${res.status} ${JSON.stringify(parsed)}`)
    return parsed
  }
  return {
    addKey: async (key) => void (await call('keys', key)),
    revoke: async (secret) => void (await call('revoke', { secret })),
    expire: async (secret) => void (await call('expire', { secret })),
    setFaults: async (rules) => void (await call('faults', rules)),
    received: async () => (await call('received')) as ReceivedCredential[],
    info: async () => (await call('info')) as { provider: ProviderId; url: string; requestCount: number },
  }
}
