import { expect, type Locator, type Page } from '@playwright/test'

export interface KeySpec {
  provider: 'Threadeo' | 'ThreatSTOP' | 'Spreeflo' | 'Custom REST API'
  name: string
  secret: string
  /** Text fields by label. */
  fields?: Record<string, string>
  /** Choices by label, each set to the option with this label. */
  selects?: Record<string, string>
}

/** What each provider calls its secret, as its descriptor labels it. */
export const SECRET_LABELS: Readonly<Record<KeySpec['provider'], string>> = {
  Threadeo: 'Secret token',
  ThreatSTOP: 'API key',
  Spreeflo: 'API key',
  'Custom REST API': 'API key',
}

/** The Add key (or Edit key) dialog and its form. */
export class KeyForm {
  readonly dialog: Locator

  constructor(readonly page: Page, title: 'Add a key' | 'Edit key' = 'Add a key') {
    this.dialog = page.getByRole('dialog', { name: title })
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true })
  }

  /** Add key opens the guided steps; a person who has the key takes the one form. */
  async useForm(): Promise<void> {
    const toForm = this.dialog.getByRole('button', { name: 'I already have the key: fill in one form instead' })
    // Whichever the dialog shows once drawn: the guided steps' way to the form, or the form itself.
    await toForm.or(this.dialog.getByRole('button', { name: 'Add key', exact: true })).first().waitFor()
    if (await toForm.isVisible()) await toForm.click()
  }

  async choose(provider: KeySpec['provider']): Promise<void> {
    await this.useForm()
    await this.dialog.getByRole('radio', { name: provider }).check()
  }

  async fill(key: KeySpec): Promise<void> {
    await this.choose(key.provider)
    await this.field('Name').fill(key.name)
    for (const [label, value] of Object.entries(key.fields ?? {})) await this.field(label).fill(value)
    for (const [label, value] of Object.entries(key.selects ?? {})) await this.field(label).selectOption({ label: value })
    await this.field(SECRET_LABELS[key.provider]).fill(key.secret)
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Add key' }).click()
  }

  async expectClosed(): Promise<void> {
    await expect(this.dialog).toBeHidden()
  }
}
