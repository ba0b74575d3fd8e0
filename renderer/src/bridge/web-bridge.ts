import type { EventChannel, MethodChannel } from '../../../electron/shared/channels'
import type { KeyholdBridge } from '../../../electron/shared/contract'
import { ERROR_MESSAGES } from '../../../electron/shared/errors'
import type { FilePurpose } from '../../../electron/shared/files'
import type { Result } from '../../../electron/shared/result'
import { SESSION_ENDED_HEADING, showAddressSpent, showSessionEnded } from './session-ended'
import { SseParser } from './sse-parser'
import { chooseFile, saveFile, type SessionFetch } from './web-files'

import {
  SESSION_HEADER,
  SESSION_STORAGE_KEY,
  TOKEN_FRAGMENT_KEY as TOKEN_KEY,
  WEB_API_PREFIX as API_PREFIX,
  WEB_EVENTS_PATH as EVENTS_PATH,
  WEB_SESSION_PATH as SESSION_PATH,
} from '../../../electron/shared/web-protocol'

const NOT_CONNECTED = {
  ok: false as const,
  error: {
    code: 'NOT_AUTHORIZED' as const,
    message: ERROR_MESSAGES.NOT_AUTHORIZED,
  },
}

/** Set while the last address this tab was given has been refused; only the window reads it. */
const REFUSED_KEY = 'keyhold.address-refused'

const SESSION_ENDED = {
  ok: false as const,
  error: { code: 'NOT_AUTHORIZED' as const, message: `${SESSION_ENDED_HEADING}.` },
}

/**
 * Trades the one-time token in the address's fragment for a session credential, kept in
 * sessionStorage: that belongs to this scheme, host and port (and this tab) only, where a cookie
 * for 127.0.0.1 would be sent to every other port too. The fragment is dropped first so the token
 * is not left in history or on screen. A reload finds the credential again; a spent token (the
 * address opened twice) leaves whatever this tab already had. `refused` says the host turned down
 * the token this tab came with (spent, or from before the host last started), and stays true over
 * reloads until a token is taken, as the fragment that would tell is gone by then.
 */
async function openSession(): Promise<{ session: string | undefined; refused: boolean }> {
  const token = new URLSearchParams(window.location.hash.slice(1)).get(TOKEN_KEY)
  const current = () => ({ session: sessionStorage.getItem(SESSION_STORAGE_KEY) ?? undefined, refused: sessionStorage.getItem(REFUSED_KEY) !== null })
  if (!token) return current()
  history.replaceState(null, '', window.location.pathname)
  const exchange = fetch(SESSION_PATH, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, credentials: 'omit' })
  // The first touch of sessionStorage waits on the browser to open it (10–25 ms at start):
  // done while the exchange is on the wire, not after it.
  sessionStorage.getItem(SESSION_STORAGE_KEY)
  try {
    const response = await exchange
    if (response.status === 401) sessionStorage.setItem(REFUSED_KEY, '1')
    if (response.ok) {
      const body = (await response.json()) as { value?: { session?: unknown } }
      if (typeof body.value?.session === 'string') {
        sessionStorage.setItem(SESSION_STORAGE_KEY, body.value.session)
        sessionStorage.removeItem(REFUSED_KEY)
      }
    }
  } catch {
    // The host is not there; the first call says so.
  }
  return current()
}

/** `window.keyhold` for a window served by the local web host: the contract over loopback HTTP. */
export async function connectWebBridge(): Promise<KeyholdBridge> {
  const { session, refused } = await openSession()
  // A used address in a tab of its own: "not connected, open the printed address" would send the
  // person back to the very address that failed, so the window says how to get a new one.
  if (refused && session === undefined) showAddressSpent()
  // A new address pasted into this tab changes only the fragment, and that loads nothing: the
  // page would stay as it is (a message, or a window about to be signed out). Loading it takes the token.
  window.addEventListener('hashchange', () => {
    if (new URLSearchParams(window.location.hash.slice(1)).has(TOKEN_KEY)) window.location.reload()
  })
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const stop = new AbortController()
  let streaming = false

  // The host answers 401 once the session is gone (it stopped, the vault locked itself, or the
  // window sat unused): from then on nothing here can work, so the window says so once.
  // The stale credential stays in storage, so a reload lands on the same message.
  const sessionEnded = () => {
    if (stop.signal.aborted) return
    stop.abort()
    showSessionEnded()
  }
  // Leaving or reloading cuts the stream too; that is not the session ending. A page brought
  // back from the back/forward cache would have no stream left, so it starts afresh.
  window.addEventListener('pagehide', () => stop.abort())
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) window.location.reload()
  })

  const dispatch = (event: string, data: string) => {
    const set = listeners.get(event)
    if (!set || set.size === 0) return
    const payload: unknown = JSON.parse(data)
    for (const listener of set) listener(payload)
  }

  // fetch, not EventSource, because only fetch can send the session header. The host ends a
  // stream only when it stops or the session ends; reconnecting at once tells which.
  const streamEvents = async (credential: string) => {
    for (;;) {
      let response: Response
      try {
        response = await fetch(EVENTS_PATH, { headers: { [SESSION_HEADER]: credential }, credentials: 'omit', cache: 'no-store', signal: stop.signal })
      } catch {
        return sessionEnded()
      }
      if (!response.ok || !response.body) return sessionEnded()
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      const parser = new SseParser()
      try {
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          for (const { event, data } of parser.push(value)) dispatch(event, data)
        }
      } catch {
        // Cut mid-stream; the reconnect below finds out why.
      }
      if (stop.signal.aborted) return
    }
  }

  // Every request the page makes with its session — the contract's calls and the file routes —
  // and what a gone session or a refusal means for each of them.
  const sendWithSession: SessionFetch = async (path, init) => {
    if (session === undefined) return NOT_CONNECTED
    if (stop.signal.aborted) return SESSION_ENDED
    let response: Response
    try {
      response = await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), [SESSION_HEADER]: session }, credentials: 'omit' })
    } catch {
      // Nothing answers: the host has stopped, and its sessions with it.
      sessionEnded()
      return SESSION_ENDED
    }
    if (response.status === 401) {
      sessionEnded()
      return SESSION_ENDED
    }
    if (response.status === 403) return NOT_CONNECTED
    return response
  }

  const bridge = {
    async invoke(channel: MethodChannel, input?: unknown): Promise<Result<unknown>> {
      // Checked before a file chooser would open for nothing.
      if (session === undefined) return NOT_CONNECTED
      if (stop.signal.aborted) return SESSION_ENDED
      // The host cannot show a dialog on this screen: the page picks and downloads files itself.
      if (channel === 'keyhold:files.choose') return chooseFile((input as { purpose: FilePurpose }).purpose, sendWithSession)
      if (channel === 'keyhold:files.save') return saveFile((input as { fileId: string }).fileId, sendWithSession)
      const response = await sendWithSession(API_PREFIX + channel, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ input }),
      })
      if (!(response instanceof Response)) return response
      try {
        return (await response.json()) as Result<unknown>
      } catch {
        return NOT_CONNECTED
      }
    },
    on(event: EventChannel, listener: (payload: unknown) => void): () => void {
      if (!listeners.has(event)) listeners.set(event, new Set())
      const set = listeners.get(event) as Set<(payload: unknown) => void>
      set.add(listener)
      if (!streaming && session !== undefined) {
        streaming = true
        void streamEvents(session)
      }
      return () => set.delete(listener)
    },
  }
  return bridge as KeyholdBridge
}
