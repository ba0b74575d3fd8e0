import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDERS, type ProviderDescriptor } from '../../electron/shared/providers'
import { fieldApplies } from '../../electron/shared/validation/field-schemas'
import { AddKeyDialog } from '../../renderer/src/components/KeyDialogs'
import { detailsDefaults } from '../../renderer/src/forms/key-form-schema'
import { call } from '../support/core'
import { openWindow } from './support/render'

async function openAddDialog() {
  const w = await openWindow()
  w.render(<AddKeyDialog />)
  w.store.getState().openDialog('add')
  const dialog = within(await screen.findByRole('dialog', { name: 'Add a key' }))
  const user = userEvent.setup()
  // Add key opens the guided steps; these tests are about the one form behind its button.
  await user.click(await dialog.findByRole('button', { name: 'I already have the key: fill in one form instead' }))
  return { w, dialog, user }
}

const labelOf = (d: ProviderDescriptor, path: string) => (d.fields.find((f) => f.path === path) as { label: string }).label

describe('the key form, rendered from the descriptors core lists', () => {
  it.each(BUILT_IN_PROVIDERS.map((d) => [d.label, d] as const))('shows %s’s own fields, hints and secret label', async (_label, descriptor) => {
    const { dialog, user } = await openAddDialog()
    await user.click(dialog.getByRole('radio', { name: descriptor.label }))
    const initial = detailsDefaults(descriptor)
    for (const field of descriptor.fields) {
      if (!fieldApplies(field, initial)) {
        expect(dialog.queryByLabelText(field.label, { exact: true })).toBeNull()
        continue
      }
      const control = dialog.getByLabelText(field.label, { exact: true })
      expect(control.tagName).toBe(field.rule.kind === 'choice' ? 'SELECT' : 'INPUT')
      if (field.rule.kind === 'choice') {
        expect(within(control).getAllByRole('option').map((o) => o.textContent)).toEqual(field.rule.options.map((o) => o.label))
      }
      if (field.hint) expect(dialog.getByText(field.hint)).toBeTruthy()
      expect((control as HTMLInputElement).value).toBe(field.initial ?? '')
    }
    expect(dialog.getByLabelText(descriptor.secret.label, { exact: true })).toBeTruthy()
  })

  it('renders a provider it has never heard of, from its descriptor alone', async () => {
    const { w, dialog, user } = await openAddDialog()
    const extra: ProviderDescriptor = {
      ...(BUILT_IN_PROVIDERS[3] as ProviderDescriptor),
      id: 'acme-test',
      label: 'Acme Test API',
      short: 'AT',
      fields: [{ path: 'region', label: 'Acme region', hint: 'Where your Acme account lives.', rule: { kind: 'choice', options: [{ value: 'eu', label: 'Europe' }, { value: 'us', label: 'United States' }] }, required: true, initial: 'eu' }],
      secret: { label: 'Acme token', noun: 'token' },
    }
    w.store.setState({ providers: [...BUILT_IN_PROVIDERS, extra] })
    await user.click(await dialog.findByRole('radio', { name: 'Acme Test API' }))
    expect((dialog.getByLabelText('Acme region', { exact: true }) as HTMLSelectElement).value).toBe('eu')
    expect(dialog.getByText('Where your Acme account lives.')).toBeTruthy()
    expect(dialog.getByLabelText('Acme token', { exact: true })).toBeTruthy()
  })

  it('shows a field only when its condition holds', async () => {
    const { dialog, user } = await openAddDialog()
    const custom = BUILT_IN_PROVIDERS.find((d) => d.fields.some((f) => f.when)) as ProviderDescriptor
    const conditional = custom.fields.find((f) => f.when) as ProviderDescriptor['fields'][number] & { when: { path: string; oneOf: readonly string[] } }
    await user.click(dialog.getByRole('radio', { name: custom.label }))
    expect(dialog.queryByLabelText(conditional.label, { exact: true })).toBeNull()
    const switcher = custom.fields.find((f) => f.path === conditional.when.path) as ProviderDescriptor['fields'][number]
    await user.selectOptions(dialog.getByLabelText(switcher.label, { exact: true }), conditional.when.oneOf[0] as string)
    expect(dialog.getByLabelText(conditional.label, { exact: true })).toBeTruthy()
  })

  it('shows every error at once, moves focus to the first, and clears each as soon as it is fixed', async () => {
    const { w, dialog, user } = await openAddDialog()
    const threadeo = BUILT_IN_PROVIDERS[0]
    await user.click(dialog.getByRole('radio', { name: threadeo.label }))
    await user.clear(dialog.getByLabelText(labelOf(threadeo, 'tenant'), { exact: true }))
    await user.click(dialog.getByRole('button', { name: 'Add key' }))

    const name = dialog.getByLabelText('Name', { exact: true })
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'))
    const alerts = dialog.getAllByRole('alert').map((a) => a.textContent)
    expect(alerts).toEqual(
      expect.arrayContaining(['Name is required.', `${labelOf(threadeo, 'tenant')} is required.`, `${labelOf(threadeo, 'apiKey')} is required.`]),
    )
    expect(alerts.some((a) => a?.includes('key is empty'))).toBe(true)
    expect(document.activeElement?.getAttribute('name')).toBe('name')
    // Nothing reached core: the form refused it.
    expect(w.keyhold.bridge.calls).not.toContain('keyhold:keys.add')

    await user.type(name, 'Intake')
    await waitFor(() => expect(dialog.queryByText('Name is required.')).toBeNull())
    expect(name.getAttribute('aria-invalid')).toBe('false')
    expect(dialog.getByText(`${labelOf(threadeo, 'apiKey')} is required.`)).toBeTruthy()

    await user.type(dialog.getByLabelText(labelOf(threadeo, 'tenant'), { exact: true }), 'Not A Label!')
    await waitFor(() => expect(dialog.getByText(`${labelOf(threadeo, 'tenant')} is not in the expected form.`)).toBeTruthy())
  })

  it('adds a key through core with the details at their input paths', async () => {
    const { w, dialog, user } = await openAddDialog()
    const threadeo = BUILT_IN_PROVIDERS[0]
    await user.click(dialog.getByRole('radio', { name: threadeo.label }))
    await user.type(dialog.getByLabelText('Name', { exact: true }), 'Intake')
    const tenant = dialog.getByLabelText(labelOf(threadeo, 'tenant'), { exact: true })
    await user.clear(tenant)
    await user.type(tenant, ' Acme ')
    await user.type(dialog.getByLabelText(labelOf(threadeo, 'apiKey'), { exact: true }), 'TD-1')
    await user.type(dialog.getByLabelText(threadeo.secret.label, { exact: true }), 'token-1')
    await user.type(dialog.getByLabelText('Tags (optional, separated by commas)'), 'legal, intake')
    await user.click(dialog.getByRole('button', { name: 'Add key' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const [entry] = await call(w.keyhold.core, 'keyhold:keys.list')
    const detail = await call(w.keyhold.core, 'keyhold:keys.get', { id: (entry as { id: string }).id })
    expect(detail.details).toEqual({ provider: threadeo.id, tenant: 'acme', apiKey: 'TD-1' })
    expect(detail.tags).toEqual(['legal', 'intake'])
  })

  it('puts an error core answers on the field core names (a tenant core refuses)', async () => {
    const { w, dialog, user } = await openAddDialog()
    // A window whose descriptor is looser than core's (an older copy): core still decides.
    const threadeo = BUILT_IN_PROVIDERS[0]
    const loose: ProviderDescriptor = { ...threadeo, fields: threadeo.fields.map((f) => (f.path === 'tenant' ? { ...f, rule: { kind: 'text' } } : f)) }
    w.store.setState({ providers: [loose, ...BUILT_IN_PROVIDERS.slice(1)] })
    await user.click(dialog.getByRole('radio', { name: threadeo.label }))
    await user.type(dialog.getByLabelText('Name', { exact: true }), 'Intake')
    const tenant = dialog.getByLabelText(labelOf(threadeo, 'tenant'), { exact: true })
    await user.clear(tenant)
    await user.type(tenant, 'evil.example.com/x')
    await user.type(dialog.getByLabelText(labelOf(threadeo, 'apiKey'), { exact: true }), 'TD-1')
    await user.type(dialog.getByLabelText(threadeo.secret.label, { exact: true }), 'token-1')
    await user.click(dialog.getByRole('button', { name: 'Add key' }))

    await waitFor(() => expect(tenant.getAttribute('aria-invalid')).toBe('true'))
    expect(w.keyhold.bridge.calls).toContain('keyhold:keys.add')
    expect(dialog.getByText(`${labelOf(threadeo, 'tenant')} is not in the expected form.`)).toBeTruthy()
    expect(document.activeElement).toBe(tenant)
    expect(await call(w.keyhold.core, 'keyhold:keys.list')).toEqual([])
  })

  it('asks about stray whitespace core found in the secret, and "Remove them" saves it trimmed', async () => {
    const { w, dialog, user } = await openAddDialog()
    const custom = BUILT_IN_PROVIDERS[3]
    await user.click(dialog.getByRole('radio', { name: custom.label }))
    await user.type(dialog.getByLabelText('Name', { exact: true }), 'Billing')
    const base = dialog.getByLabelText(labelOf(custom, 'baseUrl'), { exact: true })
    await user.clear(base)
    await user.type(base, 'https://api.example.com')
    const secret = dialog.getByLabelText(custom.secret.label, { exact: true })
    await user.type(secret, ' sk_live_1 ')
    await user.click(dialog.getByRole('button', { name: 'Add key' }))
    await waitFor(() => expect(secret.getAttribute('aria-invalid')).toBe('true'))
    expect(dialog.getByRole('button', { name: 'Keep the key exactly as typed' })).toBeTruthy()
    await user.click(dialog.getByRole('button', { name: 'Remove them' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const [entry] = await call(w.keyhold.core, 'keyhold:keys.list')
    const revealed = await call(w.keyhold.core, 'keyhold:keys.reveal', { id: (entry as { id: string }).id, field: 'secret' })
    expect(revealed.value).toBe('sk_live_1')
  })

  it('saves a pasted secret from core’s capture, never through the window', async () => {
    const { w, dialog, user } = await openAddDialog()
    const custom = BUILT_IN_PROVIDERS[3]
    await user.click(dialog.getByRole('radio', { name: custom.label }))
    await user.type(dialog.getByLabelText('Name', { exact: true }), 'Pasted')
    await user.type(dialog.getByLabelText(labelOf(custom, 'baseUrl'), { exact: true }), 'api.example.com')
    w.keyhold.clipboard.userCopies('sk_pasted_9')
    await user.click(dialog.getByRole('button', { name: 'Paste from clipboard' }))
    await waitFor(() => expect(dialog.getByRole('group', { name: custom.secret.label })).toBeTruthy())
    expect(document.body.innerHTML).not.toContain('sk_pasted_9')
    await user.click(dialog.getByRole('button', { name: 'Add key' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const [entry] = await call(w.keyhold.core, 'keyhold:keys.list')
    expect((await call(w.keyhold.core, 'keyhold:keys.reveal', { id: (entry as { id: string }).id, field: 'secret' })).value).toBe('sk_pasted_9')
  })
})

describe('a form with unsaved input', () => {
  it('asks before Escape throws it away; Keep editing keeps it, Discard closes', async () => {
    const { dialog, user } = await openAddDialog()
    await user.type(dialog.getByLabelText('Name', { exact: true }), 'Half typed')
    await user.keyboard('{Escape}')
    const ask = await screen.findByRole('alertdialog', { name: 'Discard what you typed?' })
    await user.click(within(ask).getByRole('button', { name: 'Keep editing' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect((dialog.getByLabelText('Name', { exact: true }) as HTMLInputElement).value).toBe('Half typed')
    await user.keyboard('{Escape}')
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a key' })).toBeNull())
  })

  it('closes at once when nothing was typed', async () => {
    const { user } = await openAddDialog()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a key' })).toBeNull())
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })
})
