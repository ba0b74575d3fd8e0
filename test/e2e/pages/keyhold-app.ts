import { expect, type Page } from '@playwright/test'
import { KeyForm, type KeySpec } from './key-form'
import { KeyList } from './key-list'

export const STRONG_PASSWORD = 'correct-horse-battery-staple-42'

/** The whole window: its gates, the list, the dialogs and the live region. */
export class KeyholdApp {
  readonly keys: KeyList

  constructor(readonly page: Page) {
    this.keys = new KeyList(page)
  }

  /** Creates a vault through the first-run screen and waits for the empty vault. */
  async createVault(url: string, password = STRONG_PASSWORD): Promise<void> {
    await this.page.goto(url)
    await expect(this.page.getByRole('heading', { name: 'Create your Keyhold vault' })).toBeVisible()
    await this.page.getByLabel('Master password').fill(password)
    await this.page.getByLabel('Type it again').fill(password)
    await this.page.getByRole('button', { name: 'Create vault' }).click()
    await expect(this.page.getByRole('heading', { name: 'No keys yet' })).toBeVisible()
  }

  /** Opens the Add key dialog from whichever button the screen has. */
  async openAddKey(): Promise<KeyForm> {
    await this.page.getByRole('button', { name: /^Add (your first )?key$/ }).first().click()
    const form = new KeyForm(this.page)
    await expect(form.dialog).toBeVisible()
    return form
  }

  /** Adds a key through the Add key dialog, the way a person would. */
  async addKey(key: KeySpec): Promise<void> {
    const form = await this.openAddKey()
    await form.fill(key)
    await form.submit()
    await form.expectClosed()
    await expect(this.keys.rowButton(key.name)).toBeVisible()
  }

  async openSettings() {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click()
    return this.page.getByRole('dialog', { name: 'Settings' })
  }

  /** Locks the vault and unlocks it again: what a person sees after unlock (the expiry summary) shows. */
  async lockAndUnlock(password = STRONG_PASSWORD): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock', exact: true }).click()
    await this.page.getByLabel('Master password').fill(password)
    await this.page.getByRole('button', { name: 'Unlock' }).click()
    await expect(this.page.getByRole('list', { name: 'Keys' })).toBeVisible()
  }

  /** After unlock: the keys that have expired or expire soon. */
  get expirySummary() {
    return this.page.getByRole('region', { name: 'Needs attention' })
  }

  async expectAnnounced(text: string): Promise<void> {
    await expect(this.page.getByRole('status')).toHaveText(text)
  }
}
