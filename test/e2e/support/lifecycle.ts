import { expect, type Page } from '@playwright/test'
import type { ProviderDescriptor } from '../../../electron/shared/providers/descriptor'
import { startSandboxes, type Sandboxes } from '../../sandbox/index'
import { createVault, STRONG_PASSWORD, test as base, type WebHost } from '../fixtures'
import { Driver } from '../pages/driver'
import { GuidedFlow, type StepActions } from '../pages/guided'
import { KeyholdApp } from '../pages/keyhold-app'
import { KeyLists } from '../pages/key-lists'
import type { ProviderPortal } from '../pages/portal'
import { saveProviderSettings } from '../pages/settings-api'
import { SecretWatch } from '../secret-watch'
import { otherProgramCopies } from './x-clipboard'

/**
 * A key's whole life in the web host, against the provider sandboxes and their portals: issued
 * in the portal (shown once), added with the guided wizard, rotated, the old one revoked and
 * verified, revoked again both ways. Every wait is on the window, the portal page or the clipboard.
 */
export const test = base.extend<{ sandboxes: Sandboxes }>({
  sandboxes: async ({}, use) => {
    const sandboxes = await startSandboxes()
    await use(sandboxes)
    await sandboxes.close()
  },
})

export const REVOKED_SENTENCE = 'Revoked — verified: the provider refused the key, and its secret was wiped'
export const STILL_WORKS = 'This key still works — it was not revoked. Nothing was wiped.'

/** A journey's window: the vault made, Keyhold pointed at the sandboxes, everything it receives watched. */
export class Journey {
  readonly app: KeyholdApp
  readonly driver: Driver
  readonly secrets: string[] = []

  private constructor(
    readonly page: Page,
    readonly watch: SecretWatch,
    keyboardOnly: boolean,
  ) {
    this.app = new KeyholdApp(page)
    this.driver = new Driver(page, keyboardOnly)
  }

  static async start(page: Page, host: WebHost, sandboxes: Sandboxes, { keyboardOnly = false } = {}): Promise<Journey> {
    const journey = new Journey(page, await SecretWatch.attach(page), keyboardOnly)
    if (keyboardOnly) await journey.createVaultFromKeyboard(host)
    else await createVault(page, host)
    await saveProviderSettings(page, {
      threadeo: { baseUrl: `${sandboxes.threadeo.url}/t/{tenant}` },
      threatstop: { baseUrl: sandboxes.threatstop.url },
      spreeflo: { baseUrl: sandboxes.spreeflo.url },
    })
    return journey
  }

  /** The first-run screen from the keyboard: the password field has focus, Tab to the confirmation, Enter. */
  private async createVaultFromKeyboard(host: WebHost): Promise<void> {
    await this.page.goto(host.url)
    await expect(this.page.getByLabel('Master password')).toBeFocused()
    await this.page.keyboard.type(STRONG_PASSWORD)
    await this.driver.tabTo(this.page.getByLabel('Type it again'))
    await this.page.keyboard.type(STRONG_PASSWORD)
    await this.page.keyboard.press('Enter')
    await expect(this.page.getByRole('heading', { name: 'No keys yet' })).toBeVisible()
  }

  get details() {
    return this.app.keys.details
  }

  /** A key from the portal, on the real clipboard as its Copy would put it: remembered, so its absence from the window is proved at the end. */
  async issue(portal: ProviderPortal, button: string, fill?: (page: Page) => Promise<void>): Promise<string> {
    const secret = await portal.generate(button, fill)
    this.secrets.push(secret)
    await otherProgramCopies(secret)
    return secret
  }

  /** Opens Add key, checks the "Choose the service" step (axe in both themes) and goes on with `descriptor`. */
  async openAddWizard(descriptor: ProviderDescriptor): Promise<GuidedFlow> {
    await this.driver.press(this.page.getByRole('button', { name: /^Add (your first )?key$/ }).first())
    const flow = new GuidedFlow(this.page, descriptor, 'Add a key', this.driver)
    await expect(flow.heading('Choose the service')).toBeVisible()
    const group = flow.dialog.getByRole('group', { name: 'Which service is the key for?' })
    await this.driver.choose(group, group.getByRole('radio', { name: new RegExp(`^${descriptor.label}`) }))
    await flow.accessible(`add wizard (${descriptor.label}): Choose the service`)
    await this.driver.press(flow.button('Next'))
    return flow
  }

  /** The whole add wizard for `descriptor`, from its first guide step to "Save the key"; the key is then listed and open. */
  async addWithWizard(descriptor: ProviderDescriptor, name: string, secret: string, actions: StepActions = {}): Promise<void> {
    const flow = await this.openAddWizard(descriptor)
    await flow.walk(`add wizard (${descriptor.label})`, descriptor.guides.generate, {
      capture: () => flow.paste(secret),
      check: () => flow.expectWorks(),
      name: () => this.driver.fill(flow.field('Name'), name),
      ...actions,
    }, 'Save the key')
    await expect(flow.dialog).toBeHidden()
    await expect(this.app.keys.rowButton(name)).toBeVisible()
    await expect(this.details.getByRole('heading', { name })).toBeVisible()
  }

  /**
   * Rotate… on the open key: the new key issued in the portal at step `issueAt`, pasted and
   * checked, saved at Next, the integrations ticked, the old key deleted in the portal at step
   * `deleteAt`, then verified refused. Done selects the new key.
   */
  async rotate(
    descriptor: ProviderDescriptor,
    name: string,
    plan: { issueAt: string; issue: () => Promise<string>; deleteAt: string; deleteOld: () => Promise<void>; alreadyOpen?: boolean },
    actions: StepActions = {},
  ): Promise<string> {
    if (!plan.alreadyOpen) await this.driver.press(this.details.getByRole('button', { name: 'Rotate…' }))
    const flow = new GuidedFlow(this.page, descriptor, `Rotate “${name}”`, this.driver)
    let secret = ''
    await flow.walk(`rotate (${descriptor.label})`, descriptor.guides.rotate, {
      [plan.issueAt]: async () => void (secret = await plan.issue()),
      capture: () => flow.paste(secret),
      check: () => flow.expectWorks(),
      integrations: async () => {
        // Next waits for every integration the key serves, then for the promise that nothing else uses the old key.
        await expect(flow.dialog.getByText(/^Tick .+ to go on\.$|^Tick each integration once it has the new key\.$/)).toBeVisible()
        for (const box of await flow.dialog.getByRole('group', { name: 'Integrations to update' }).getByRole('checkbox').all()) await this.driver.check(box)
        await this.driver.check(flow.dialog.getByRole('checkbox', { name: 'Everything that used the old key now has the new one' }))
      },
      [plan.deleteAt]: plan.deleteOld,
      verify: () => expect(flow.dialog.getByText(/^Revoked — verified on /)).toBeVisible(),
      ...actions,
    }, 'Done')
    await expect(flow.dialog).toBeHidden()
    await expect(this.details.getByRole('heading', { name })).toBeVisible()
    await expect(this.details.getByRole('button', { name: 'Rotate…' })).toBeVisible()
    return secret
  }

  /**
   * Revoke… on the open key, verified both ways: while the key still works, the loud warning and
   * nothing wiped (still listed, still copyable); once deleted in the portal, "Revoked — verified".
   */
  async revokeBothWays(descriptor: ProviderDescriptor, name: string, deleteIt: () => Promise<void>): Promise<void> {
    const flow = new GuidedFlow(this.page, descriptor, `Revoke “${name}”`, this.driver)
    const confirm = { [descriptor.guides.revoke.find((s) => s.action === 'confirm-irreversible')?.id ?? '']: () => this.driver.check(flow.dialog.getByRole('checkbox', { name: 'I understand this cannot be undone' })) }

    await this.driver.press(this.details.getByRole('button', { name: 'Revoke…' }))
    await flow.walk(`revoke (${descriptor.label}), still working`, descriptor.guides.revoke, {
      ...confirm,
      verify: async () => {
        await this.driver.press(flow.button('Check that the key is revoked'))
        await expect(flow.dialog.getByRole('alert').filter({ hasText: STILL_WORKS })).toBeVisible()
        await flow.accessible(`revoke (${descriptor.label}): the loud warning`)
      },
    }, 'Close')
    await expect(flow.dialog).toBeHidden()
    // Nothing wiped: still listed as it was, its secret still there to copy.
    await expect(this.app.keys.rowButton(name)).toBeVisible()
    await expect(this.details.getByRole('button', { name: `Copy ${descriptor.secret.noun}`, exact: true })).toBeVisible()
    await expect(this.details.getByText(/^Revoked — verified on /)).toHaveCount(0)

    await deleteIt()
    await this.driver.press(this.details.getByRole('button', { name: 'Revoke…' }))
    await flow.walk(`revoke (${descriptor.label}), rejected`, descriptor.guides.revoke, {
      ...confirm,
      verify: async () => {
        await this.driver.press(flow.button('Check that the key is revoked'))
        await expect(flow.dialog.getByText(/^Revoked — verified on /)).toBeVisible()
        await flow.accessible(`revoke (${descriptor.label}): verified`)
      },
    }, 'Close')
    await expect(flow.dialog).toBeHidden()
    await expect(this.app.keys.row(name)).toHaveCount(0)
  }

  /** Under Show › Revoked: `count` keys of that name, each archived as verified, no secret left to copy, check or reveal. */
  async expectArchived(descriptor: ProviderDescriptor, name: string, count = 1): Promise<void> {
    const noun = descriptor.secret.noun
    const gone = new RegExp(`^(Copy ${noun}|Show ${noun}|Check now|Rotate…|Revoke…)$`)
    // Revoked keys are a list of their own in the sidebar (folded behind its button in a narrow window).
    const lists = new KeyLists(this.page)
    if (!(await lists.nav.isVisible())) await this.driver.press(lists.toggle)
    await this.driver.press(lists.item('Revoked'))
    await expect(this.app.keys.rowButton(name)).toHaveCount(count)
    for (let i = count - 1; i >= 0; i--) {
      await this.driver.press(this.app.keys.rowButton(name).nth(i))
      await expect(this.details.getByRole('heading', { name })).toBeVisible()
      await expect(this.details.getByText(/^Revoked — verified on /)).toBeVisible()
      // What is left is the record: a copyable identifier (Threadeo's API key) may stay, the secret may not.
      await expect(this.details.getByRole('button', { name: gone })).toHaveCount(0)
    }
  }

  /** The open key's timeline holds these entries, newest first, and none of the journey's secrets. */
  async expectTimeline(sentences: readonly (string | RegExp)[]): Promise<void> {
    const timeline = this.details.getByRole('list', { name: 'Activity' })
    const shown = timeline.locator('.activity-sentence')
    await expect(shown.first()).toBeVisible()
    for (const s of sentences) await expect(shown.filter({ hasText: s }).first()).toBeVisible()
    const texts = await shown.allTextContents()
    // In this order, newest first, with any other entries (the checks of a verification) between them.
    let from = 0
    for (const s of sentences) {
      const at = texts.findIndex((t, i) => i >= from && (typeof s === 'string' ? t.includes(s) : s.test(t)))
      expect(at, `“${String(s)}” in order, newest first, in: ${texts.join(' | ')}`).toBeGreaterThanOrEqual(0)
      from = at + 1
    }
    for (const secret of this.secrets) await expect(timeline).not.toContainText(secret)
  }

  /** Back to all keys in use. */
  async showAll(): Promise<void> {
    const lists = new KeyLists(this.page)
    if (!(await lists.nav.isVisible())) await this.driver.press(lists.toggle)
    await this.driver.press(lists.item('All keys'))
  }

  /** No secret of the journey anywhere in the window, its storage or anything it received. */
  async expectNoSecretLeaked(): Promise<void> {
    expect(this.secrets.length).toBeGreaterThan(0)
    for (const secret of this.secrets) expect(await this.watch.tracesOf(this.page, secret), 'a secret in the window').toEqual([])
  }
}

/** The old key's timeline after a rotation that was verified. */
export const ROTATED_AND_REVOKED = [REVOKED_SENTENCE, /^Rotated: replaced by a new key, “/, /^Checked: Works/, /^Pasted .+ from the clipboard$/, /^Added$/] as const
