import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDERS, type ProviderDescriptor } from '../../electron/shared/providers'
import { AddKeyDialog } from '../../renderer/src/components/KeyDialogs'
import { startSandboxes, type Sandboxes } from '../sandbox'
import { useSandboxes } from '../support/checks'
import { call } from '../support/core'
import { openWindow } from './support/render'

const [threadeo, threatstop, spreeflo] = BUILT_IN_PROVIDERS as readonly ProviderDescriptor[] as [ProviderDescriptor, ProviderDescriptor, ProviderDescriptor]
const TOKEN = 'td-wizard-token-0123456789'

let sandboxes: Sandboxes
beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(async () => {
  await sandboxes.close()
})

async function openWizard() {
  const w = await openWindow()
  await useSandboxes(w.keyhold.core, sandboxes)
  w.render(<AddKeyDialog />)
  w.store.getState().openDialog('add')
  const dialog = within(await screen.findByRole('dialog', { name: 'Add a key' }))
  const user = userEvent.setup()
  const heading = (title: string) => waitFor(() => expect(dialog.getByRole('heading', { level: 2, name: title })).toBeTruthy())
  const next = () => user.click(dialog.getByRole('button', { name: 'Next' }))
  return { w, dialog, user, heading, next }
}

const titles = (d: ProviderDescriptor) => d.guides.generate.map((s) => s.title)

describe('the add-key wizard, from the provider’s generate guide', () => {
  it('Threadeo: a pasted address gives the subdomain, the link opens on it, the token is captured and checked before it is named', async () => {
    const { w, dialog, user, heading, next } = await openWizard()
    sandboxes.threadeo.addKey({ secret: TOKEN, apiKey: 'TD-WIZ', tenant: 'acme' })
    await user.click(dialog.getByRole('radio', { name: /^Threadeo/ }))
    await next()
    const [account, subdomain, settings, generate, capture, check, name] = titles(threadeo)
    await heading(account as string)
    expect(dialog.getByText('Avoid changing settings on shared accounts')).toBeTruthy()
    await next()

    await heading(subdomain as string)
    const field = dialog.getByLabelText('Threadeo subdomain', { exact: true }) as HTMLInputElement
    expect(field.value).toBe('legal')
    await user.clear(field)
    await user.type(field, 'not a subdomain!')
    expect(dialog.getAllByText(/Threadeo subdomain is not a subdomain/).length).toBeGreaterThan(0)
    await next()
    await heading(subdomain as string) // blocked: the value is wrong
    await user.clear(field)
    await user.type(field, 'https://acme.threadeo.com/settings/api')
    await next()

    await heading(settings as string)
    expect(dialog.getByRole('link', { name: 'Open your Threadeo API Settings page' }).getAttribute('href')).toBe('https://acme.threadeo.com/')
    expect(dialog.getByText(/support@threadeo.com/)).toBeTruthy()
    await user.type(dialog.getByLabelText('API key (acts like a username)', { exact: true }), 'TD-WIZ')
    await next()
    await heading(generate as string)
    expect(dialog.getByText('The token is shown only once')).toBeTruthy()
    await next()

    await heading(capture as string)
    await next()
    await heading(capture as string) // nothing pasted yet
    await w.keyhold.clipboard.writeSecret(TOKEN)
    await user.click(dialog.getByRole('button', { name: 'Paste from clipboard' }))
    await waitFor(() => expect(dialog.getByText(/Secret token pasted: 26 characters/)).toBeTruthy())
    expect(document.body.textContent).not.toContain(TOKEN)
    await next()

    await heading(check as string)
    await waitFor(() => expect(dialog.getAllByText('Works').length).toBeGreaterThan(0))
    expect(await call(w.keyhold.core, 'keyhold:keys.list')).toEqual([]) // nothing saved before it is named
    await next()

    await heading(name as string)
    await user.type(dialog.getByLabelText('Name', { exact: true }), 'Threadeo – case intake')
    await user.click(dialog.getByRole('button', { name: 'Save the key' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const [saved] = await call(w.keyhold.core, 'keyhold:keys.list')
    const detail = await call(w.keyhold.core, 'keyhold:keys.get', { id: saved?.id as string })
    expect(detail).toMatchObject({ name: 'Threadeo – case intake', details: { provider: 'threadeo', tenant: 'acme', apiKey: 'TD-WIZ' } })
    expect(w.keyhold.core.vault.keys().readSecret(detail.id)).toBe(TOKEN)
    expect(document.body.textContent).not.toContain(TOKEN)
  })

  it('Threadeo: with two active tokens held for the API key, it offers rotation instead of a third', async () => {
    const { w, dialog, user, heading, next } = await openWizard()
    for (const name of ['Intake', 'Billing']) {
      await call(w.keyhold.core, 'keyhold:keys.add', { name, details: { provider: 'threadeo', tenant: 'legal', apiKey: 'TD-FULL' }, secret: `tok-${name}` })
    }
    await w.store.getState().loadKeys()
    await user.click(dialog.getByRole('radio', { name: /^Threadeo/ }))
    await next()
    await next()
    await next() // the default subdomain, legal
    await heading(titles(threadeo)[2] as string)
    await user.type(dialog.getByLabelText('API key (acts like a username)', { exact: true }), 'TD-FULL')
    await waitFor(() => expect(dialog.getByText(/already holds 2 active tokens for this API key/)).toBeTruthy())
    expect(dialog.getByText(/only two will be stored and active/)).toBeTruthy()
    await waitFor(() => expect(dialog.getByText('Threadeo keeps only 2 tokens active: rotate one of them instead.')).toBeTruthy())
    await next()
    await heading(titles(threadeo)[2] as string)
    await user.click(dialog.getByRole('button', { name: 'Rotate “Intake” instead' }))
    await waitFor(() => expect(w.store.getState().dialog).toBe('rotate'))
    expect(w.store.getState().selectedId).toBe((await call(w.keyhold.core, 'keyhold:keys.list')).find((e) => !e.damaged && e.name === 'Intake')?.id)
  })

  it('ThreatSTOP: a permission per service, the expiry, and subnets and origins refused with the reason', async () => {
    const { dialog, user, heading, next } = await openWizard()
    await user.click(dialog.getByRole('radio', { name: /^ThreatSTOP/ }))
    await next()
    await next()
    await next()
    const steps = titles(threatstop)
    await heading(steps[2] as string)
    expect(dialog.getByText(/The Read permission only allows GET requests/)).toBeTruthy()
    await user.selectOptions(dialog.getByLabelText('Devices: permission', { exact: true }), 'Read (GET only)')
    await user.selectOptions(dialog.getByLabelText('Custom policies: permission', { exact: true }), 'Write (POST, PATCH, PUT and DELETE)')
    await next()
    await heading(steps[3] as string)
    expect(dialog.getByLabelText('Expires on (optional)', { exact: true })).toBeTruthy()
    await next()
    await heading(steps[4] as string)
    const subnets = dialog.getByLabelText('Subnets the key is restricted to', { exact: true })
    await user.type(subnets, '203.0.113.0/33')
    expect(dialog.getAllByText(/must be subnets such as/).length).toBeGreaterThan(0)
    await user.clear(subnets)
    await user.type(subnets, '203.0.113.0/24, 2001:db8::/32')
    expect(dialog.queryByText(/must be subnets such as/)).toBeNull()
    await next()
    await heading(steps[5] as string)
    const origins = dialog.getByLabelText('CORS origins', { exact: true })
    for (const [bad, reason] of [
      ['www.example.com', /protocol/i],
      ['htttps://www.example.com', /htttps/],
    ] as const) {
      await user.clear(origins)
      await user.type(origins, bad)
      expect(dialog.getAllByText(reason).length).toBeGreaterThan(0)
      await next()
      await heading(steps[5] as string)
    }
    await user.clear(origins)
    await next()
    await heading(steps[6] as string)
  })

  it('Spreeflo: the plan up front, and a warning when another key already serves the integration', async () => {
    const { w, dialog, user, heading, next } = await openWizard()
    await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Sign-up', details: { provider: 'spreeflo', keyName: 'signup', integration: 'Website sign-up form' }, secret: 'sf-1' })
    await user.click(dialog.getByRole('radio', { name: /^Spreeflo/ }))
    expect(dialog.getByText('Spreeflo needs the Professional plan')).toBeTruthy()
    await next()
    await heading(titles(spreeflo)[0] as string)
    await next()
    await next()
    await heading(titles(spreeflo)[2] as string)
    await user.type(dialog.getByLabelText('Key name in Spreeflo', { exact: true }), 'Signup v2')
    await user.type(dialog.getByLabelText('Integration it serves', { exact: true }), 'website sign-up form')
    await waitFor(() => expect(dialog.getByText(/^Another key in this vault already serves this integration/)).toBeTruthy())
    expect(dialog.getByText('Already serving it: “Sign-up”.')).toBeTruthy()
  })
})
