import { expect, type Locator, type Page } from '@playwright/test'

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The list side of the window and the detail beside it: rows, their buttons, the open key. */
export class KeyList {
  readonly pane: Locator
  readonly list: Locator
  readonly details: Locator
  readonly history: Locator

  constructor(readonly page: Page) {
    this.pane = page.getByRole('region', { name: 'Your keys' })
    this.list = page.getByRole('list', { name: 'Keys' })
    this.details = page.getByRole('region', { name: 'Key details' })
    this.history = this.details.getByRole('list', { name: 'Check history' })
  }

  /** The row's button, whose name starts with the key's name. */
  rowButton(name: string): Locator {
    return this.list.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) })
  }

  row(name: string): Locator {
    return this.list.getByRole('listitem').filter({ hasText: name })
  }

  rowCopy(name: string): Locator {
    return this.row(name).getByRole('button', { name: `Copy key of ${name}`, exact: true })
  }

  rowCheck(name: string): Locator {
    return this.row(name).getByRole('button', { name: `Check ${name}`, exact: true })
  }

  /** Opens the key and waits for its detail. */
  async open(name: string): Promise<void> {
    await this.rowButton(name).click()
    await expect(this.details.getByRole('heading', { name })).toBeVisible()
  }
}
