import { afterAll, beforeAll } from 'vitest'
import { startSandbox, type ProviderId, type Sandbox, type SandboxOptions } from '../../sandbox'

export const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
export const bearer = (secret: string): { authorization: string } => ({ authorization: `Bearer ${secret}` })

/** A sandbox for the whole file: the getter is read inside tests, after beforeAll ran. */
export function useSandbox(provider: ProviderId, options?: SandboxOptions): () => Sandbox {
  let sandbox: Sandbox | undefined
  beforeAll(async () => {
    sandbox = await startSandbox(provider, options)
  })
  afterAll(async () => {
    await sandbox?.close()
  })
  return () => {
    if (sandbox === undefined) throw new Error('sandbox not started')
    return sandbox
  }
}

export async function bodyOf<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T
}

/** A body's request id must be the X-Request-Id header: that is what a user quotes to support. */
export function requestIdOf(res: Response): string {
  const id = res.headers.get('x-request-id')
  if (id === null) throw new Error('no X-Request-Id header')
  return id
}
