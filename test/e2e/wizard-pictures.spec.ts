import { BUILT_IN_PROVIDERS } from '../../electron/shared/providers'
import type { ProviderDescriptor } from '../../electron/shared/providers/descriptor'
import { createVault, expect, test } from './fixtures'
import { GuidedFlow } from './pages/guided'
import { screenshotPath } from './pages/screenshots'

/**
 * The README's pictures of the add wizard: for each provider, the step that sends the person to
 * its portal with its link and warnings (Spreeflo's link step has no warning: its naming step,
 * with its own; Custom has no portal: the step that describes the API). Into the ignored
 * test-results/ on every run; into docs/ only when asked (npm run screenshot).
 */
test.use({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' })

/** The step pictured, by its guide id, and example values that make it read well. */
const PICTURED: Readonly<Record<string, { step: string; values?: Readonly<Record<string, string>> }>> = {
  threadeo: { step: 'open-settings', values: { 'API key (acts like a username)': 'TD-4F2A9C' } },
  threatstop: { step: 'portal' },
  spreeflo: { step: 'name-in-spreeflo', values: { 'Key name in Spreeflo': 'Website sign-up form', 'Integration it serves': 'Website sign-up form' } },
  custom: { step: 'describe', values: { 'Base URL': 'https://api.example.com/v2' } },
}

const pictured = (d: ProviderDescriptor) => d.guides.generate.find((s) => s.id === PICTURED[d.id]?.step)

for (const descriptor of BUILT_IN_PROVIDERS) {
  test(`the ${descriptor.label} wizard’s portal step, pictured`, async ({ page, host }) => {
    const target = pictured(descriptor)
    if (target === undefined) throw new Error(`${descriptor.label} has no step to picture`)
    await createVault(page, host)
    await page.getByRole('button', { name: 'Add your first key' }).click()
    const flow = new GuidedFlow(page, descriptor, 'Add a key')
    await flow.dialog.getByRole('radio', { name: new RegExp(`^${descriptor.label}`) }).check()
    await flow.button('Next').click()
    for (const step of descriptor.guides.generate) {
      await flow.expectStep(step)
      if (step === target) break
      await flow.button('Next').click()
    }
    for (const [label, value] of Object.entries(PICTURED[descriptor.id]?.values ?? {})) await flow.field(label).fill(value)
    // No field error in the picture: the only alerts are the provider's own danger warnings.
    await expect(flow.dialog.getByRole('alert')).toHaveCount(target.warnings?.filter((w) => w.level === 'danger').length ?? 0)
    await flow.dialog.screenshot({ path: screenshotPath(`screenshot-wizard-${descriptor.id}.png`), animations: 'disabled' })
  })
}
