import { expect, test } from './fixtures'
import { expectAccessible } from './pages/accessible'
import { KeyholdApp } from './pages/keyhold-app'
import { KeyLists } from './pages/key-lists'
import { inDays } from './support/dates'


test('after unlock, the keys that have expired or expire soon are named, each a click from its page', async ({ page, host }) => {
  const app = new KeyholdApp(page)
  await app.createVault(host.url)
  await app.addKey({ provider: 'Spreeflo', name: 'Shop sync', secret: 'sf-expired-e2e', fields: { 'Key name in Spreeflo': 'shop', 'Expires on (optional)': inDays(-2) } })
  await app.addKey({ provider: 'Spreeflo', name: 'Newsletter', secret: 'sf-soon-e2e', fields: { 'Key name in Spreeflo': 'news', 'Expires on (optional)': inDays(3) } })
  await app.addKey({ provider: 'Spreeflo', name: 'Far off', secret: 'sf-later-e2e', fields: { 'Key name in Spreeflo': 'far', 'Expires on (optional)': inDays(200) } })

  await app.lockAndUnlock()

  const summary = app.expirySummary
  await expect(summary.getByRole('heading', { name: '1 key has expired' })).toBeVisible()
  await expect(summary.getByRole('heading', { name: '1 key expires within 14 days' })).toBeVisible()
  await expect(summary).toContainText('expired 2 days ago')
  await expect(summary).toContainText('expires in 3 days')
  await expect(summary).not.toContainText('Far off')
  await expectAccessible(page, 'the expiry summary')
  // Past its date, a key reads Expired in its row at once: nothing was checked.
  await expect(app.keys.row('Shop sync').locator('.outcome-badge')).toHaveText('Expired')
  await expect(app.keys.row('Far off').locator('.outcome-badge')).toHaveText('Not checked yet')

  // The summary leads to the sidebar's list of what needs attention.
  const lists = new KeyLists(page)
  await lists.expectCount('Needs attention', 2)
  await summary.getByRole('button', { name: 'Show what needs attention' }).click()
  await expect(lists.item('Needs attention')).toHaveAttribute('aria-current', 'true')
  await expect(app.keys.list.getByRole('listitem')).toHaveCount(2)
  await expect(app.keys.row('Far off')).toHaveCount(0)

  await summary.getByRole('button', { name: 'Shop sync' }).click()
  await expect(page.getByRole('region', { name: 'Key details' }).getByRole('heading', { name: 'Shop sync' })).toBeVisible()
  await summary.getByRole('button', { name: 'Not now' }).click()
  await expect(summary).toBeHidden()
})
