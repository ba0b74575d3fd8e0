import { afterEach, describe, expect, it, vi } from 'vitest'
import { SESSION_HEADER, SESSION_STORAGE_KEY, WEB_API_PREFIX, WEB_SESSION_PATH } from '../../electron/shared/web-protocol'
import { connectWebBridge } from '../../renderer/src/bridge/web-bridge'

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

/** fetch for the page: the exchange answers when the test says so; every contract call answers ok. */
function fakeHost() {
  let answer: (response: Response) => void = () => undefined
  const fetch = vi.fn((url: string, _init?: RequestInit) =>
    url === WEB_SESSION_PATH ? new Promise<Response>((resolve) => (answer = resolve)) : Promise.resolve(json({ ok: true, value: null })),
  )
  vi.stubGlobal('fetch', fetch)
  const sessionOfCall = () => new Headers(fetch.mock.calls.find(([url]) => url.startsWith(WEB_API_PREFIX))?.[1]?.headers).get(SESSION_HEADER)
  return { fetch, answer: (response: Response) => answer(response), sessionOfCall }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  sessionStorage.clear()
})

describe('the web bridge’s session', () => {
  it('opens sessionStorage while the token exchange is on the wire, then keeps and uses the session it answers', async () => {
    history.replaceState(null, '', '/#token=one-time-token')
    const host = fakeHost()
    const getItem = vi.spyOn(Storage.prototype, 'getItem')
    const connecting = connectWebBridge()
    await vi.waitFor(() => expect(host.fetch).toHaveBeenCalledTimes(1))
    // Still unanswered: the first touch of sessionStorage (a wait on the browser) is already done.
    expect(getItem).toHaveBeenCalledWith(SESSION_STORAGE_KEY)
    expect(window.location.hash).toBe('')
    host.answer(json({ ok: true, value: { session: 'fresh-session' } }))
    const bridge = await connecting
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe('fresh-session')
    await bridge.invoke('keyhold:vault.status')
    expect(host.sessionOfCall()).toBe('fresh-session')
  })

  it('keeps the session this tab already had when the token is spent', async () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, 'earlier-session')
    history.replaceState(null, '', '/#token=spent-token')
    const host = fakeHost()
    const connecting = connectWebBridge()
    await vi.waitFor(() => expect(host.fetch).toHaveBeenCalledTimes(1))
    host.answer(json({ ok: false, error: { code: 'NOT_AUTHORIZED', message: 'no' } }, 401))
    const bridge = await connecting
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe('earlier-session')
    await bridge.invoke('keyhold:vault.status')
    expect(host.sessionOfCall()).toBe('earlier-session')
  })
})
