import { randomBytes, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { SandboxInputError, SandboxRuleError } from '../errors'
import { BodyTooLargeError, headerValue, readBody } from '../http-util'
import type { KeyBook } from '../key-book'
import { isLoopbackPeer } from '../loopback'
import type { PortalDesign } from './design'
import { goneOncePage, portalPage, shownOncePage, type ListedKey } from './html'

export const PORTAL_PREFIX = '/portal'

// A context value is shown and sent back in forms: a DNS label or an identifier, nothing else.
const CONTEXT_VALUE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/

interface Issued {
  readonly id: number
  readonly label: string
  readonly secret: string
  /** The page's context when it was issued: a Threadeo page lists only its own user's tokens. */
  readonly context: string
}

/** The portal of one sandbox: the keys it issued, and the ones still waiting to be shown (once). */
export class Portal {
  readonly #issued: Issued[] = []
  readonly #unseen = new Map<string, Issued>()

  constructor(
    readonly design: PortalDesign,
    readonly keys: KeyBook,
    readonly origin: () => string,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site may not issue or delete keys here by posting a form.
    if (!isLoopbackPeer(req.socket.remoteAddress)) return html(res, 403, 'loopback only')
    const url = new URL(req.url ?? '/', this.origin())
    const route = url.pathname.slice(PORTAL_PREFIX.length)
    try {
      if (req.method === 'GET') {
        const context = this.#context(url.searchParams)
        if (route === '' || route === '/') return html(res, 200, portalPage(this.design, context, this.#listed(context)))
        const shown = /^\/shown\/([0-9a-f-]{36})$/.exec(route)
        if (shown) return this.#showOnce(res, shown[1] ?? '', context)
        return html(res, 404, 'not found')
      }
      if (req.method !== 'POST') return html(res, 405, 'GET or POST')
      const origin = headerValue(req, 'origin')
      if (origin !== undefined && origin !== this.origin()) return html(res, 403, 'cross-origin form refused')
      if (!/^application\/x-www-form-urlencoded\b/i.test(headerValue(req, 'content-type') ?? '')) return html(res, 415, 'a form post only')
      const form = new URLSearchParams(await readBody(req, 16 * 1024))
      const context = this.#context(form)
      if (route === '/keys') return this.#issue(res, form, context)
      const del = /^\/keys\/(\d+)\/delete$/.exec(route)
      if (del) return this.#delete(res, Number(del[1]), context)
      return html(res, 404, 'not found')
    } catch (err) {
      if (err instanceof SandboxInputError || err instanceof z.ZodError) return html(res, 400, err instanceof z.ZodError ? 'not a key this provider accepts' : err.message)
      if (err instanceof BodyTooLargeError) return html(res, 413, err.message)
      throw err
    }
  }

  /** The page's context from a query or a form, each value checked, the design's initial one when absent. */
  #context(params: URLSearchParams): URLSearchParams {
    const context = new URLSearchParams()
    for (const param of this.design.context ?? []) {
      const value = params.get(param.name) ?? param.initial
      if (!CONTEXT_VALUE.test(value)) throw new SandboxInputError(`${param.label} is not a name`)
      context.set(param.name, value)
    }
    return context
  }

  #listed(context: URLSearchParams): ListedKey[] {
    return this.#issued
      .filter((k) => k.context === context.toString())
      .map((k) => ({ id: k.id, label: k.label, ending: k.secret.slice(-4), active: this.keys.get(k.secret)?.state === 'active' }))
  }

  #issue(res: ServerResponse, form: URLSearchParams, context: URLSearchParams): void {
    for (const input of this.design.inputs ?? []) {
      if (input.kind === 'text' && (form.get(input.name) ?? '').trim() === '') {
        return html(res, 400, portalPage(this.design, context, this.#listed(context), `${input.label} is required.`))
      }
    }
    const secret = `${this.design.prefix}${randomBytes(24).toString('base64url')}`
    const merged = new URLSearchParams([...form, ...context])
    try {
      this.keys.add(this.design.issue(secret, merged))
    } catch (err) {
      // The provider's own limit (Threadeo's two active tokens) is said on the page, as the portal would.
      if (err instanceof SandboxRuleError) return html(res, 409, portalPage(this.design, context, this.#listed(context), err.message))
      throw err
    }
    const named = (this.design.inputs ?? []).find((i) => i.kind === 'text')
    const id = this.#issued.length + 1
    // Numbered as the page's own user sees them: their first token is "Secret token 1".
    const ordinal = this.#listed(context).length + 1
    const issued: Issued = { id, label: named ? (form.get(named.name) ?? '').trim() : `${this.design.noun} ${ordinal}`, secret, context: context.toString() }
    this.#issued.push(issued)
    const reveal = randomUUID()
    this.#unseen.set(reveal, issued)
    // Post/redirect/get: the secret is on a page of its own, which a reload cannot show twice.
    res.writeHead(303, { location: `${PORTAL_PREFIX}/shown/${reveal}?${context.toString()}` }).end()
  }

  #showOnce(res: ServerResponse, reveal: string, context: URLSearchParams): void {
    const issued = this.#unseen.get(reveal)
    if (issued === undefined) return html(res, 410, goneOncePage(this.design, context))
    this.#unseen.delete(reveal)
    html(res, 200, shownOncePage(this.design, context, issued.label, issued.secret), { 'cache-control': 'no-store' })
  }

  #delete(res: ServerResponse, id: number, context: URLSearchParams): void {
    const issued = this.#issued.find((k) => k.id === id && k.context === context.toString())
    if (issued === undefined) return html(res, 404, 'no such key')
    if (this.keys.get(issued.secret)?.state === 'active') this.keys.revoke(issued.secret)
    res.writeHead(303, { location: `${PORTAL_PREFIX}?${context.toString()}` }).end()
  }
}

function html(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers }).end(body)
}
