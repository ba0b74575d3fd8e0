import type { CDPSession, Page } from '@playwright/test'

/**
 * Records everything the window received from Keyhold — every API response body and every
 * byte of the event stream — so a test can prove a secret never reached it.
 */
export class SecretWatch {
  private readonly received: string[] = []
  private cdp: CDPSession | undefined

  static async attach(page: Page): Promise<SecretWatch> {
    const watch = new SecretWatch()
    page.on('response', async (response) => {
      if (!new URL(response.url()).pathname.startsWith('/api/')) return
      try {
        watch.received.push(await response.text())
      } catch {
        // A response to a page that has since navigated away has no body left to read.
      }
    })
    watch.cdp = await page.context().newCDPSession(page)
    await watch.cdp.send('Network.enable')
    // The window reads events with fetch (it must send its session header, which EventSource
    // cannot), so the stream's bytes are asked for as they arrive.
    const cdp = watch.cdp
    const streams = new Set<string>()
    cdp.on('Network.responseReceived', (event) => {
      if (new URL(event.response.url).pathname !== '/events') return
      streams.add(event.requestId)
      cdp.send('Network.streamResourceContent', { requestId: event.requestId }).then(
        ({ bufferedData }) => watch.received.push(Buffer.from(bufferedData, 'base64').toString('utf8')),
        () => undefined,
      )
    })
    cdp.on('Network.dataReceived', (event) => {
      if (streams.has(event.requestId) && event.data) watch.received.push(Buffer.from(event.data, 'base64').toString('utf8'))
    })
    return watch
  }

  /** Where `secret` appears: the page's DOM, form values, storage, or anything it received. */
  async tracesOf(page: Page, secret: string): Promise<string[]> {
    const inPage = await page.evaluate((needle) => {
      const found: string[] = []
      if (document.documentElement.outerHTML.includes(needle)) found.push('DOM')
      for (const el of document.querySelectorAll('input, textarea, select')) {
        if ((el as HTMLInputElement).value.includes(needle)) found.push(`value of ${el.outerHTML.slice(0, 80)}`)
      }
      for (const store of [localStorage, sessionStorage]) {
        for (let i = 0; i < store.length; i++) {
          const k = store.key(i) ?? ''
          if (k.includes(needle) || (store.getItem(k) ?? '').includes(needle)) found.push('web storage')
        }
      }
      if (document.cookie.includes(needle)) found.push('cookies')
      if (document.title.includes(needle) || location.href.includes(needle)) found.push('title or address')
      return found
    }, secret)
    const received = this.received.filter((body) => body.includes(secret)).map((b) => `received: ${b.slice(0, 120)}`)
    return [...inPage, ...received]
  }
}
