import { expect, type Locator, type Page } from '@playwright/test'

/**
 * How the person works the window: with the mouse, or from the keyboard alone (every control
 * reached with Tab, pressed with Enter or Space, typed into, chosen with the arrows).
 */
export class Driver {
  constructor(
    readonly page: Page,
    readonly keyboardOnly = false,
  ) {}

  /** Tabs forward until `target` has focus; a control Tab never reaches fails the test. */
  async tabTo(target: Locator, most = 150): Promise<void> {
    for (let i = 0; i < most; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return
      await this.page.keyboard.press('Tab')
    }
    throw new Error(`Tab never reached ${target.toString()}`)
  }

  async press(target: Locator): Promise<void> {
    if (!this.keyboardOnly) return target.click()
    await this.tabTo(target)
    await this.page.keyboard.press('Enter')
  }

  async fill(target: Locator, text: string): Promise<void> {
    if (!this.keyboardOnly) return target.fill(text)
    await this.tabTo(target)
    await this.page.keyboard.press('ControlOrMeta+A')
    await this.page.keyboard.press('Delete')
    await this.page.keyboard.type(text)
    await expect(target).toHaveValue(text)
  }

  async check(target: Locator): Promise<void> {
    if (!this.keyboardOnly) return target.check()
    await this.tabTo(target)
    await this.page.keyboard.press('Space')
    await expect(target).toBeChecked()
  }

  /** Picks the option labelled `label` in a select (from the keyboard: the arrows, as a closed select takes them). */
  async select(target: Locator, label: string): Promise<void> {
    if (!this.keyboardOnly) return void (await target.selectOption({ label }))
    await this.tabTo(target)
    const labels = await target.locator('option').allTextContents()
    const from = labels.indexOf((await target.locator('option:checked').textContent()) ?? '')
    const to = labels.indexOf(label)
    for (let i = from; i !== to; i += Math.sign(to - from)) await this.page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp')
    await expect(target.locator('option:checked')).toHaveText(label)
  }

  /** Chooses a radio of a group: from the keyboard, Tab lands on the group's checked radio and the arrows move the choice. */
  async choose(group: Locator, radio: Locator): Promise<void> {
    if (!this.keyboardOnly) return radio.check()
    await this.tabTo(group.getByRole('radio', { checked: true }))
    for (let i = 0; i < 10 && !(await radio.isChecked()); i++) await this.page.keyboard.press('ArrowDown')
    await expect(radio).toBeChecked()
  }
}
