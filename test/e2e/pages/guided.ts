import { expect, type Locator, type Page } from '@playwright/test'
import type { GuideStep, ProviderDescriptor } from '../../../electron/shared/providers/descriptor'
import { expectAccessible } from './accessible'
import { Driver } from './driver'

/** What a step does beyond reading it: fill its fields, paste, wait for the check… by the guide step's id. */
export type StepActions = Readonly<Record<string, () => Promise<void>>>

/**
 * A guided dialog (Add a key, Rotate, Revoke): its steps from the provider's guide, each checked
 * for its heading (focused), its warnings and portal link, and axe in both themes.
 */
export class GuidedFlow {
  readonly dialog: Locator

  constructor(
    readonly page: Page,
    readonly descriptor: ProviderDescriptor,
    name: string | RegExp,
    readonly driver: Driver = new Driver(page),
  ) {
    this.dialog = page.getByRole('dialog', { name })
  }

  heading(title: string): Locator {
    return this.dialog.getByRole('heading', { level: 2, name: title, exact: true })
  }

  button(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true })
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true })
  }

  /** Light, then dark: no serious or critical violation in either. */
  async accessible(screen: string): Promise<void> {
    for (const colorScheme of ['light', 'dark'] as const) {
      await this.page.emulateMedia({ colorScheme })
      await expectAccessible(this.page, `${screen} (${colorScheme} theme)`)
    }
    await this.page.emulateMedia({ colorScheme: 'light' })
  }

  /** The step as its guide says it: heading (with focus, where each step starts), warnings, portal link. */
  async expectStep(step: GuideStep): Promise<void> {
    await expect(this.heading(step.title)).toBeVisible()
    await expect(this.heading(step.title)).toBeFocused()
    for (const warning of step.warnings ?? []) await expect(this.dialog.getByText(warning.title, { exact: true })).toBeVisible()
    const link = this.descriptor.links.find((l) => l.id === step.link)
    if (link) {
      const a = this.dialog.getByRole('link', { name: link.label })
      await expect(a).toHaveAttribute('rel', 'noopener noreferrer')
      await expect(a).toHaveAttribute('target', '_blank')
    }
  }

  /**
   * Walks `steps` from the one on screen: each is checked and axe'd, then its action runs, then
   * Next — on the last step, `finish` (unless null: the caller goes on from there).
   */
  async walk(label: string, steps: readonly GuideStep[], actions: StepActions, finish: string | null): Promise<void> {
    for (const [i, step] of steps.entries()) {
      await this.expectStep(step)
      await this.accessible(`${label}: ${step.title}`)
      await actions[step.id]?.()
      if (i < steps.length - 1) await this.driver.press(this.button('Next'))
      else if (finish !== null) await this.driver.press(this.button(finish))
    }
  }

  /** Paste from clipboard, and the summary of what was pasted (its length, never its value). */
  async paste(secret: string): Promise<void> {
    await this.driver.press(this.button('Paste from clipboard'))
    await expect(this.dialog.getByText(`${this.descriptor.secret.label} pasted: ${secret.length} characters`)).toBeVisible()
    await expect(this.dialog.getByText('The clipboard was emptied.', { exact: false })).toBeVisible()
  }

  /** The check before saving answered Works. */
  async expectWorks(): Promise<void> {
    await expect(this.dialog.locator('.probe-result .outcome-badge')).toHaveText('Works')
  }

  /** Next is refused on this step, with the sentence that says why. */
  async expectBlocked(step: GuideStep, why: string): Promise<void> {
    await expect(this.button('Next')).toHaveAttribute('aria-disabled', 'true')
    await expect(this.dialog.getByText(why, { exact: true })).toBeVisible()
    await expect(this.heading(step.title)).toBeVisible()
  }
}
