import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../electron/shared/security'
import { expect, test } from './fixtures'

test('the built window carries exactly the shared CSP: in its one meta tag and in the header', async ({ page, host }) => {
  const response = await page.goto(host.url)
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  const metas = await page.evaluate(() =>
    [...document.querySelectorAll('meta')]
      .filter((m) => m.httpEquiv.toLowerCase() === 'content-security-policy')
      .map((m) => ({ content: m.content, first: m === document.head.firstElementChild })),
  )
  expect(metas).toEqual([{ content: CONTENT_SECURITY_POLICY_META, first: true }])
})
