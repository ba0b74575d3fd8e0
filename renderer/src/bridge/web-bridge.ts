import type { EventChannel, MethodChannel } from '../../../electron/shared/channels'
import type { KeyholdBridge } from '../../../electron/shared/contract'
import type { Result } from '../../../electron/shared/result'

// The web host's protocol (electron/shared/web-protocol.ts). The window may import shared only
// as types, so the few path strings are repeated here; the web-host tests pin both sides.
const SESSION_PATH = '/session'
const API_PREFIX = '/api/'
const EVENTS_PATH = '/events'
const TOKEN_KEY = 'token'

const NOT_CONNECTED = {
  ok: false as const,
  error: {
    code: 'NOT_AUTHORIZED' as const,
    message: 'This window is not connected to Keyhold. Open the address Keyhold printed when it started.',
  },
}

/**
 * Trades the one-time token in the address's fragment for the session cookie, then drops the
 * fragment so the token is not left in history or shown on screen.
 */
async function exchangeToken(): Promise<void> {
  const params = new URLSearchParams(window.location.hash.slice(1))
  const token = params.get(TOKEN_KEY)
  if (!token) return
  history.replaceState(null, '', window.location.pathname)
  await fetch(SESSION_PATH, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, credentials: 'same-origin' })
}

/** `window.keyhold` for a window served by the local web host: the contract over loopback HTTP. */
export async function connectWebBridge(): Promise<KeyholdBridge> {
  await exchangeToken()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let source: EventSource | undefined

  const ensureEvents = (event: EventChannel) => {
    source ??= new EventSource(EVENTS_PATH, { withCredentials: true })
    if (!listeners.has(event)) {
      listeners.set(event, new Set())
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data)
        for (const listener of listeners.get(event) ?? []) listener(payload)
      })
    }
    return listeners.get(event) as Set<(payload: unknown) => void>
  }

  const bridge = {
    async invoke(channel: MethodChannel, input?: unknown): Promise<Result<unknown>> {
      try {
        const response = await fetch(API_PREFIX + channel, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input }),
          credentials: 'same-origin',
        })
        if (response.status === 401 || response.status === 403) return NOT_CONNECTED
        return (await response.json()) as Result<unknown>
      } catch {
        return NOT_CONNECTED
      }
    },
    on(event: EventChannel, listener: (payload: unknown) => void): () => void {
      const set = ensureEvents(event)
      set.add(listener)
      return () => set.delete(listener)
    },
  }
  return bridge as KeyholdBridge
}
