import { expect, type Locator, type Page } from '@playwright/test'
import { escapeRegExp } from './key-list'

/** The sidebar: the lists of keys with their counts, and the button that unfolds it in a narrow window. */
export class KeyLists {
  readonly nav: Locator
  readonly toggle: Locator

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Key lists' })
    this.toggle = page.getByRole('button', { name: 'Key lists' })
  }

  /** A list's button, named "<list>, <count>". */
  item(name: string): Locator {
    return this.nav.getByRole('button', { name: this.itemName(name) })
  }

  private itemName(name: string): RegExp {
    return new RegExp(`^${escapeRegExp(name)}\\s*,\\s*\\d+$`)
  }

  async expectCount(name: string, count: number): Promise<void> {
    await expect(this.item(name).locator('.nav-count')).toHaveText(new RegExp(`^\\W*${count}$`))
  }

  /** Shows a list, unfolding the sidebar first where the window is narrow. */
  async show(name: string): Promise<void> {
    if (!(await this.nav.isVisible())) await this.toggle.click()
    await this.item(name).click()
    // A folded sidebar closes once a list is chosen: the current mark is read from it while hidden.
    // (Found by its label's text: a hidden element's accessible name is not computed the same way.)
    const folded = this.page.locator('nav.sidebar, nav[aria-label="Key lists"]').first()
    const button = folded.locator('button.nav-item').filter({ has: this.page.locator('.nav-label', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) })
    await expect(button).toHaveAttribute('aria-current', 'true')
  }
}
