import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HtmlTagDescriptor } from 'vite'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicyMeta } from '../../electron.vite.config'
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../electron/shared/security'

const SOURCE_HTML = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8')

/** The plugin's hook, called the way Vite calls it for index.html. */
function transform(html: string): HtmlTagDescriptor[] {
  const hook = contentSecurityPolicyMeta().transformIndexHtml
  const fn = typeof hook === 'function' ? hook : hook?.handler
  if (!fn) throw new Error('the plugin has no transformIndexHtml hook')
  return fn.call({} as never, html, { path: '/index.html', filename: 'index.html' }) as HtmlTagDescriptor[]
}

describe('one CSP source (electron/shared/security.ts)', () => {
  it('is written into the window by the build, first in <head>; index.html carries none of its own', () => {
    expect(SOURCE_HTML).not.toMatch(/content-security-policy/i)
    expect(transform(SOURCE_HTML)).toEqual([
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' },
    ])
  })

  it('refuses a second, hand-written policy in index.html', () => {
    const doubled = SOURCE_HTML.replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="default-src *">`)
    expect(() => transform(doubled)).toThrow(/must not carry its own Content-Security-Policy/)
  })

  it('gives the meta tag the headers’ policy, less the one directive a meta tag cannot carry', () => {
    expect(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors '))).toEqual(CONTENT_SECURITY_POLICY_META.split('; '))
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(CONTENT_SECURITY_POLICY_META).toContain("script-src 'self'")
  })
})
