import { describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox'
import { ledgerly } from '../../sandbox/providers/ledgerly'
import { basic, bearer, useSandbox } from './helpers'

const form = (fields: Record<string, string | string[]>): URLSearchParams => {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(name, v)
  return params
}

const post = (sandbox: Sandbox, path: string, body: URLSearchParams, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${sandbox.portalUrl}${path}`, { method: 'POST', body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } })

/** Presses the portal's button, follows its redirect once, and returns the shown page and its address. */
async function issue(sandbox: Sandbox, fields: Record<string, string | string[]>): Promise<{ page: string; shownAt: string; secret: string }> {
  const created = await post(sandbox, '/keys', form(fields))
  expect(created.status).toBe(303)
  const shownAt = new URL(created.headers.get('location') ?? '', sandbox.portalUrl).href
  const shown = await fetch(shownAt)
  expect(shown.status).toBe(200)
  const page = await shown.text()
  const secret = /<code id="secret"[^>]*>([^<]+)<\/code>/.exec(page)?.[1] ?? ''
  return { page, shownAt, secret }
}

describe('Threadeo portal: API Settings', () => {
  const sandbox = useSandbox('threadeo')
  const me = (tenant: string, apiKey: string, secret: string) => fetch(`${sandbox().url}/t/${tenant}/api/v1/me`, { headers: { authorization: basic(apiKey, secret) } })

  it('shows the user’s API key and the Generate Secret Token button', async () => {
    const res = await fetch(`${sandbox().portalUrl}?tenant=acme&apiKey=TD-UNIT-1`)
    const page = await res.text()
    expect(res.status).toBe(200)
    expect(page).toContain('<dd>TD-UNIT-1</dd>')
    expect(page).toContain('<button>Generate Secret Token</button>')
  })

  it('issues a working token, shown once in an overlay whose Copy waits for “I understand”; a reload does not show it again', async () => {
    const { page, shownAt, secret } = await issue(sandbox(), { tenant: 'acme', apiKey: 'TD-UNIT-2' })
    expect(secret).toMatch(/^tdst_[\w-]{32}$/)
    expect(page).toContain('role="dialog"')
    expect(page).toMatch(/<input type="checkbox" role="switch" id="understand"> I understand/)
    expect(page).toContain('<button type="button" id="copy" disabled>Copy</button>')
    expect((await me('acme', 'TD-UNIT-2', secret)).status).toBe(200)
    const again = await fetch(shownAt)
    expect(again.status).toBe(410)
    expect(await again.text()).not.toContain(secret)
  })

  it('refuses a third active token for one API key on the page, and Delete frees a place', async () => {
    const user = { tenant: 'legal', apiKey: 'TD-UNIT-3' }
    const first = await issue(sandbox(), user)
    await issue(sandbox(), user)
    const third = await post(sandbox(), '/keys', form(user))
    expect(third.status).toBe(409)
    expect(await third.text()).toMatch(/role="alert">API key already has two active secret tokens/)

    const listed = await (await fetch(`${sandbox().portalUrl}?${form(user).toString()}`)).text()
    expect(listed).toContain(`Secret token 1 — ending …${first.secret.slice(-4)} — active`)
    expect(listed).not.toContain(first.secret)
    const id = /action="\/portal\/keys\/(\d+)\/delete"/.exec(listed)?.[1]
    const deleted = await post(sandbox(), `/keys/${id}/delete`, form(user))
    expect(deleted.status).toBe(303)
    expect((await me('legal', 'TD-UNIT-3', first.secret)).status).toBe(401)
    await issue(sandbox(), user)
  })

  it('lists only the page’s own user’s tokens, and is never logged as a credential received', async () => {
    const before = sandbox().requestCount()
    await issue(sandbox(), { tenant: 'legal', apiKey: 'TD-UNIT-4' })
    const other = await (await fetch(`${sandbox().portalUrl}?tenant=legal&apiKey=TD-UNIT-5`)).text()
    expect(other).toContain('None yet.')
    expect(sandbox().requestCount()).toBe(before)
  })

  it('refuses a form from another origin, a post that is not a form, and a context that is not a name', async () => {
    expect((await post(sandbox(), '/keys', form({ apiKey: 'TD-X' }), { origin: 'http://127.0.0.9:1' })).status).toBe(403)
    const json = await fetch(`${sandbox().portalUrl}/keys`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })
    expect(json.status).toBe(415)
    expect((await fetch(`${sandbox().portalUrl}?apiKey=%3Cscript%3E`)).status).toBe(400)
  })
})

describe('ThreatSTOP portal: API Keys', () => {
  const sandbox = useSandbox('threatstop')

  it('Add API Key issues a key that reads only the services ticked', async () => {
    const page = await (await fetch(sandbox().portalUrl ?? '')).text()
    expect(page).toContain('<button>Add API Key</button>')
    const { secret } = await issue(sandbox(), { read: ['devices', 'logs'] })
    expect((await fetch(`${sandbox().url}/devices`, { headers: bearer(secret) })).status).toBe(200)
    expect((await fetch(`${sandbox().url}/policies`, { headers: bearer(secret) })).status).toBe(404)
  })
})

describe('Spreeflo portal: Settings › API Keys', () => {
  const sandbox = useSandbox('spreeflo')

  it('+ Add API Key needs a name, lists the key by it, and its Revoke is final', async () => {
    const unnamed = await post(sandbox(), '/keys', form({ name: ' ' }))
    expect(unnamed.status).toBe(400)
    expect(await unnamed.text()).toContain('API key name is required.')
    const { secret, page } = await issue(sandbox(), { name: 'Website sign-up form' })
    expect(page).toContain('<button type="button" id="copy">Copy</button>')
    expect((await fetch(`${sandbox().url}/ping`, { headers: bearer(secret) })).status).toBe(200)
    const listed = await (await fetch(sandbox().portalUrl ?? '')).text()
    expect(listed).toContain('aria-label="Revoke Website sign-up form"')
    await post(sandbox(), '/keys/1/delete', new URLSearchParams())
    expect((await fetch(`${sandbox().url}/ping`, { headers: bearer(secret) })).status).toBe(401)
    expect(await (await fetch(sandbox().portalUrl ?? '')).text()).toContain('Website sign-up form — ending')
  })
})

describe('Custom portal and providers without one', () => {
  const sandbox = useSandbox('custom')

  it('Create key issues a key the API accepts', async () => {
    const { secret } = await issue(sandbox(), {})
    expect((await fetch(`${sandbox().url}/me`, { headers: { 'x-api-key': secret } })).status).toBe(200)
  })

  it('a test-only provider without a portal has no portal address, and /portal is its API’s', async () => {
    const other = await startSandbox(ledgerly)
    try {
      expect(other.portalUrl).toBeUndefined()
      expect((await fetch(new URL('/portal', other.url))).status).toBe(404)
      expect(other.requestCount()).toBe(1)
    } finally {
      await other.close()
    }
  })
})
