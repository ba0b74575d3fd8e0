import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDERS } from '../../electron/shared/providers'
import { SettingsDialog } from '../../renderer/src/components/SettingsDialog'
import { call } from '../support/core'
import { openWindow } from './support/render'

const withSettings = BUILT_IN_PROVIDERS.filter((p) => p.settings.fields.length > 0)

async function openSettings(w: Awaited<ReturnType<typeof openWindow>>) {
  w.store.getState().openDialog('settings')
  return within(await screen.findByRole('dialog', { name: 'Settings' }))
}

describe('the settings dialog, rendered from each provider’s settings', () => {
  it('has one group per provider with its fields, defaults and unconfirmed note', async () => {
    const w = await openWindow()
    w.render(<SettingsDialog />)
    const dialog = await openSettings(w)
    for (const p of withSettings) {
      const group = within(await dialog.findByRole('group', { name: p.label }))
      for (const f of p.settings.fields) expect((group.getByLabelText(f.label) as HTMLInputElement).value).toBe(f.default)
      if (p.settings.unconfirmed) expect(group.getByText(/Request shape unconfirmed/).parentElement?.textContent).toContain(p.settings.unconfirmed)
      else expect(group.queryByText(/Request shape unconfirmed/)).toBeNull()
    }
  })

  it('saves nested values through core and shows them again when reopened', async () => {
    const w = await openWindow()
    const user = userEvent.setup()
    w.render(<SettingsDialog />)
    let dialog = await openSettings(w)
    const [first, second] = withSettings as [(typeof withSettings)[number], (typeof withSettings)[number]]
    const template = first.settings.fields.find((f) => f.rule.kind === 'urlTemplate')
    const choice = withSettings.flatMap((p) => p.settings.fields.map((f) => [p, f] as const)).find(([, f]) => f.rule.kind === 'choice')
    const secondBase = second.settings.fields[0] as (typeof second.settings.fields)[number]
    if (!template || template.rule.kind !== 'urlTemplate' || !choice || choice[1].rule.kind !== 'choice') throw new Error('the built-in providers have a template and a choice setting')
    const templateValue = `https://${template.rule.placeholder}.example.test`
    const choiceValue = (choice[1].rule.options.at(-1) as { value: string }).value

    const templateInput = dialog.getByLabelText(template.label)
    await user.clear(templateInput)
    await user.type(templateInput.closest('input') as HTMLInputElement, templateValue.replace(/[{[]/g, (c) => c + c))
    await user.selectOptions(dialog.getByLabelText(choice[1].label), choiceValue)
    await user.clear(dialog.getByLabelText(secondBase.label))
    await user.type(dialog.getByLabelText(secondBase.label), 'http://127.0.0.1:9/v4')
    await user.click(dialog.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    const saved = await call(w.keyhold.core, 'keyhold:settings.get')
    expect(saved.providers[first.id]?.[template.name]).toBe(templateValue)
    expect(saved.providers[choice[0].id]?.[choice[1].name]).toBe(choiceValue)
    expect(saved.providers[second.id]?.[secondBase.name]).toBe('http://127.0.0.1:9/v4')

    dialog = await openSettings(w)
    await waitFor(() => expect((dialog.getByLabelText(template.label) as HTMLInputElement).value).toBe(templateValue))
    expect((dialog.getByLabelText(choice[1].label) as HTMLSelectElement).value).toBe(choiceValue)
  })

  it('shows each wrong setting at its field, at once, and clears it when fixed', async () => {
    const w = await openWindow()
    const user = userEvent.setup()
    w.render(<SettingsDialog />)
    const dialog = await openSettings(w)
    const url = withSettings.flatMap((p) => p.settings.fields).find((f) => f.rule.kind === 'url') as (typeof withSettings)[number]['settings']['fields'][number]
    const path = withSettings.flatMap((p) => p.settings.fields).find((f) => f.rule.kind === 'path') as typeof url
    await user.clear(dialog.getByLabelText(url.label))
    await user.type(dialog.getByLabelText(url.label), 'ftp://example.com')
    await user.clear(dialog.getByLabelText(path.label))
    await user.type(dialog.getByLabelText(path.label), 'no slash')
    await user.clear(dialog.getByLabelText('Clear the clipboard after'))
    await user.type(dialog.getByLabelText('Clear the clipboard after'), '5')
    await user.click(dialog.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(dialog.getByLabelText(url.label).getAttribute('aria-invalid')).toBe('true'))
    expect(dialog.getByText(`${url.label} must be an https:// address.`)).toBeTruthy()
    // A pattern rule reads as core says it: "… is not in the expected form."
    expect(dialog.getByText(`${path.label} is not in the expected form.`)).toBeTruthy()
    expect(dialog.getByText('Choose a whole number of seconds from 10 to 300.')).toBeTruthy()
    expect(document.activeElement).toBe(dialog.getByLabelText('Clear the clipboard after'))
    expect(w.keyhold.bridge.calls).not.toContain('keyhold:settings.update')

    await user.clear(dialog.getByLabelText(url.label))
    await user.type(dialog.getByLabelText(url.label), 'https://example.com')
    await waitFor(() => expect(dialog.queryByText(`${url.label} must be an https:// address.`)).toBeNull())
  })
})
