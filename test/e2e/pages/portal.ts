import { expect, type Page } from '@playwright/test'
import type { Sandbox } from '../../sandbox/index'
import { Driver } from './driver'

/**
 * A provider's key page in the sandbox (test/sandbox/portal), open in a tab of its own beside
 * Keyhold's: the button that issues a key, the key shown once, the list to delete keys from.
 */
export class ProviderPortal {
  private readonly driver: Driver

  private constructor(
    readonly page: Page,
    private readonly keyhold: Page,
    private readonly address: string,
    keyboardOnly: boolean,
  ) {
    this.driver = new Driver(page, keyboardOnly)
  }

  /** Opens the portal in a new tab of Keyhold's browser; `query` is the page's context (Threadeo: tenant, apiKey). */
  static async open(keyhold: Page, sandbox: Sandbox, query: Record<string, string> = {}, { keyboardOnly = false } = {}): Promise<ProviderPortal> {
    if (sandbox.portalUrl === undefined) throw new Error(`the ${sandbox.provider} sandbox has no portal`)
    const address = `${sandbox.portalUrl}?${new URLSearchParams(query).toString()}`
    const portal = new ProviderPortal(await keyhold.context().newPage(), keyhold, address, keyboardOnly)
    await portal.page.goto(address)
    await keyhold.bringToFront()
    return portal
  }

  /**
   * Presses the provider's button and reads the key it shows, once: past the "I understand"
   * toggle where there is one (Copy refuses until it is turned), then Copy. A reload of that page
   * shows it no more. Headless Chromium keeps its own clipboard, not X's: the caller puts the key
   * on the real clipboard as the person's Copy would have (`otherProgramCopies`).
   */
  async generate(button: string, fill?: (page: Page) => Promise<void>): Promise<string> {
    await this.page.bringToFront()
    await this.page.goto(this.address)
    await fill?.(this.page)
    await this.driver.press(this.page.getByRole('button', { name: button, exact: true }))
    const overlay = this.page.getByRole('dialog')
    await expect(overlay).toBeVisible()
    const copy = overlay.getByRole('button', { name: 'Copy', exact: true })
    const understand = overlay.getByRole('switch', { name: 'I understand' })
    if ((await understand.count()) > 0) {
      await expect(copy).toBeDisabled()
      await this.driver.check(understand)
    }
    await this.driver.press(copy)
    await expect(overlay.getByRole('status')).not.toBeEmpty()
    const secret = (await overlay.locator('#secret').textContent()) ?? ''
    expect(secret).not.toBe('')
    await this.page.reload()
    await expect(this.page.getByRole('alert')).toContainText('can no longer be shown')
    await expect(this.page.getByText(secret)).toHaveCount(0)
    await this.keyhold.bringToFront()
    return secret
  }

  /** Presses the button and expects the provider's refusal on the page instead of a key. */
  async expectRefused(button: string, refusal: RegExp): Promise<void> {
    await this.page.bringToFront()
    await this.page.goto(this.address)
    await this.driver.press(this.page.getByRole('button', { name: button, exact: true }))
    await expect(this.page.getByRole('alert')).toHaveText(refusal)
    await expect(this.page.getByRole('dialog')).toHaveCount(0)
    await this.keyhold.bringToFront()
  }

  /** Deletes (revokes) a key from the portal's list by its label there. */
  async remove(deleteLabel: string, keyLabel: string): Promise<void> {
    await this.page.bringToFront()
    await this.page.goto(this.address)
    await this.driver.press(this.page.getByRole('button', { name: `${deleteLabel} ${keyLabel}`, exact: true }))
    await expect(this.page.getByRole('list', { name: 'Keys' })).toContainText(`${keyLabel} — ending`)
    await expect(this.page.getByRole('button', { name: `${deleteLabel} ${keyLabel}`, exact: true })).toHaveCount(0)
    await this.keyhold.bringToFront()
  }

  async close(): Promise<void> {
    await this.page.close()
  }
}
