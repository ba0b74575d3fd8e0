import type { Page } from '@playwright/test'
import type { NewKeyInput } from '../../electron/shared/dto'
import { startSandboxes, type Sandboxes } from '../sandbox/index'
import { createVault, expect, test as base } from './fixtures'
import { KeyList } from './pages/key-list'
import { screenshotPath } from './pages/screenshots'
import { callContract, saveProviderSettings } from './pages/settings-api'
import { inDays } from './support/dates'

/**
 * The vault window with keys in every state, long names and many tags, at 1280 and 720 px wide:
 * screenshots to look at (test-results/screenshots/window-*.png) and the measurements that say the
 * rows stay readable.
 */
const test = base.extend<{ sandboxes: Sandboxes }>({
  sandboxes: async ({}, use) => {
    const sandboxes = await startSandboxes()
    await use(sandboxes)
    await sandboxes.close()
  },
})


const WORKING = 'sk-layout-working'
const REJECTED = 'sk-layout-rejected'
const REVOKED = 'sk-layout-revoked'

const KEYS: readonly NewKeyInput[] = [
  {
    name: 'Spreeflo – newsletter sync for the weekly marketing digest',
    account: 'marketing@smithlegal.example',
    tags: ['marketing', 'newsletter', 'weekly', 'production'],
    details: { provider: 'spreeflo', keyName: 'newsletter-sync' },
    secret: WORKING,
  },
  {
    name: 'Threadeo – case intake',
    tags: ['legal', 'intake', 'production'],
    details: { provider: 'threadeo', tenant: 'smithlegal', apiKey: 'TD-PUBLIC-ID-77' },
    secret: 'td-layout',
  },
  {
    name: 'ThreatSTOP devices (read)',
    tags: ['security'],
    expiresOn: inDays(5),
    details: { provider: 'threatstop', service: 'devices' },
    secret: 'ts-layout',
  },
  {
    name: 'Billing API',
    account: 'finance',
    tags: ['billing', 'production', 'finance'],
    expiresOn: inDays(-3),
    details: { provider: 'custom', baseUrl: 'https://api.billing.example.com/v2', auth: { kind: 'bearer' } },
    secret: 'billing-layout',
  },
  { name: 'Spreeflo – old shop', tags: ['shop'], details: { provider: 'spreeflo', keyName: 'old-shop' }, secret: REJECTED },
  { name: 'Spreeflo – retired integration', details: { provider: 'spreeflo', keyName: 'retired' }, secret: REVOKED },
]

/** Keys in every state, through the contract: the spec is about how they look, not how they were added. */
async function fillVault(page: Page, sandboxes: Sandboxes): Promise<void> {
  for (const secret of [WORKING, REJECTED, REVOKED]) sandboxes.spreeflo.addKey({ secret })
  await saveProviderSettings(page, { spreeflo: { baseUrl: sandboxes.spreeflo.url } })
  const ids: string[] = []
  for (const key of KEYS) ids.push((await callContract(page, 'keyhold:keys.add', key)).id)
  sandboxes.spreeflo.revoke(REJECTED)
  sandboxes.spreeflo.revoke(REVOKED)
  await callContract(page, 'keyhold:keys.check', { id: ids[0] as string })
  await callContract(page, 'keyhold:keys.check', { id: ids[4] as string })
  await callContract(page, 'keyhold:keys.verifyRevoked', { id: ids[5] as string })
}

interface Box {
  x: number
  y: number
  width: number
  height: number
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** Every row as laid out: its name's box, its tags' box and their first tag's, its buttons'. */
async function rowBoxes(page: Page) {
  return page.getByRole('list', { name: 'Keys' }).evaluate((list) => {
    const box = (el: Element | null) => {
      if (!el) return null
      const r = el.getBoundingClientRect()
      return { x: r.x, y: r.y, width: r.width, height: r.height }
    }
    return [...list.querySelectorAll('li')].map((li) => ({
      name: li.querySelector('.key-name')?.textContent ?? '',
      nameBox: box(li.querySelector('.key-name')),
      tags: box(li.querySelector('.key-tags')),
      firstTag: box(li.querySelector('.tag')),
      buttons: [...li.querySelectorAll('.copy-button, .check-button')].map(box),
    }))
  })
}

for (const width of [1280, 720]) {
  test(`the vault window at ${width} px wide: rows readable, nothing covered`, async ({ page, host, sandboxes }) => {
    await page.setViewportSize({ width, height: 800 })
    await createVault(page, host)
    await fillVault(page, sandboxes)
    const keys = new KeyList(page)
    await expect(keys.rowButton('Billing API')).toBeVisible()
    await keys.open('Billing API')
    // A key past its date reads "Expired" in its row without being checked.
    await expect(keys.row('Billing API').locator('.outcome-badge')).toHaveText('Expired')
    await expect(page.getByRole('status')).toHaveText('Your vault is ready.')
    await page.screenshot({ path: screenshotPath(`window-${width}.png`) })

    for (const row of await rowBoxes(page)) {
      // The name keeps room to be read, and the tags never sit on it nor start left of their own box.
      expect(row.nameBox?.width ?? 0, `name of ${row.name}`).toBeGreaterThanOrEqual(width < 900 ? 120 : 200)
      if (row.tags && row.firstTag && row.nameBox) {
        expect(overlaps(row.tags, row.nameBox), `tags over the name of ${row.name}`).toBe(false)
        expect(row.firstTag.x, `first tag of ${row.name}`).toBeGreaterThanOrEqual(row.tags.x)
      }
      for (const b of row.buttons) if (b && row.nameBox) expect(overlaps(b, row.nameBox), `a button over ${row.name}`).toBe(false)
    }
    const search = await page.getByLabel('Search keys').boundingBox()
    expect(search?.width ?? 0).toBeGreaterThanOrEqual(180)
    // The status line lies under every control, never over one.
    const status = await page.locator('.status-bar').boundingBox()
    // Each control's visible part: its box clipped by every scrolling ancestor.
    const controls = await page.locator('button:visible, input:visible, select:visible').evaluateAll((els) =>
      els.map((el) => {
        let { left, top, right, bottom } = el.getBoundingClientRect()
        for (let a = el.parentElement; a; a = a.parentElement) {
          if (getComputedStyle(a).overflow === 'visible') continue
          const r = a.getBoundingClientRect()
          ;[left, top, right, bottom] = [Math.max(left, r.left), Math.max(top, r.top), Math.min(right, r.right), Math.min(bottom, r.bottom)]
        }
        return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top), name: el.getAttribute('aria-label') ?? el.textContent ?? '' }
      }),
    )
    for (const c of controls) if (status && c.height > 0 && c.width > 0) expect(overlaps(status, c), `status over “${c.name}”`).toBe(false)

    const toggle = page.getByRole('button', { name: 'Key lists' })
    const lists = page.getByRole('navigation', { name: 'Key lists' })
    if (width < 960) {
      // Narrow: the sidebar waits behind its button instead of squeezing the list.
      await expect(lists).toBeHidden()
      await expect(toggle).toHaveAttribute('aria-expanded', 'false')
      await toggle.click()
      await expect(lists).toBeVisible()
      await expect(lists.getByRole('button', { name: /^All keys/ })).toBeFocused()
      await page.screenshot({ path: screenshotPath(`window-${width}-sidebar.png`) })
      await lists.getByRole('button', { name: /^Needs attention/ }).click()
      await expect(lists).toBeHidden()
      await expect(toggle).toBeFocused()
    } else {
      await expect(toggle).toBeHidden()
      await expect(lists).toBeVisible()
      await lists.getByRole('button', { name: /^Needs attention/ }).click()
    }
    await expect(keys.list.getByRole('listitem')).toHaveCount(3)
  })
}
