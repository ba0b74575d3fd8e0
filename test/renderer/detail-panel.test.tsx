import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDERS } from '../../electron/shared/providers'
import { KeyDetailPanel } from '../../renderer/src/components/KeyDetailPanel'
import { call } from '../support/core'
import { openWindow } from './support/render'

const [threadeo, threatstop, , custom] = BUILT_IN_PROVIDERS

/** The value shown beside a label in the key's details. */
function shown(label: string): HTMLElement {
  const term = within(screen.getByRole('region', { name: 'Key details' })).getByText(label, { selector: 'dt' })
  return term.nextElementSibling as HTMLElement
}

describe('the key detail panel, rendered from the key’s descriptor', () => {
  it('shows the address the settings make of the key’s fields, not a fixed one', async () => {
    const w = await openWindow()
    await call(w.keyhold.core, 'keyhold:settings.update', { providers: { [threadeo.id]: { baseUrl: 'https://{tenant}.example.test/legal' } } })
    const key = await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Intake', details: { provider: threadeo.id, tenant: 'acme', apiKey: 'TD-1' }, secret: 'tok' })
    await w.store.getState().loadKeys()
    await w.store.getState().select(key.id)
    w.render(<KeyDetailPanel />)
    await waitFor(() => expect(shown(`${threadeo.label} address`).textContent).toBe('https://acme.example.test/legal'))
    expect(shown('Threadeo subdomain').textContent).toBe('acme')
    // A copyable field gets its copy button, labelled as its descriptor shows it.
    const apiKey = threadeo.fields.find((f) => f.copyable) as (typeof threadeo.fields)[number]
    expect(within(shown(apiKey.shownAs ?? apiKey.label)).getByRole('button', { name: `Copy ${apiKey.shownAs ?? apiKey.label}` })).toBeTruthy()
    await userEvent.setup().click(within(shown(apiKey.shownAs ?? apiKey.label)).getByRole('button', { name: `Copy ${apiKey.shownAs ?? apiKey.label}` }))
    await waitFor(() => expect(w.keyhold.clipboard.text).toBe('TD-1'))
    expect(shown(threadeo.secret.label)).toBeTruthy()
  })

  it('shows a choice by its option’s label, and a Custom key’s own address as its field', async () => {
    const w = await openWindow()
    const service = threatstop.fields[0] as (typeof threatstop.fields)[number]
    if (service.rule.kind !== 'choice') throw new Error('ThreatSTOP’s service is a choice')
    const option = service.rule.options[2] as { value: string; label: string }
    const ts = await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Lists', details: { provider: threatstop.id, service: option.value }, secret: 'k' })
    const api = await call(w.keyhold.core, 'keyhold:keys.add', {
      name: 'Billing',
      details: { provider: custom.id, baseUrl: 'https://api.billing.example.com/v2', auth: { kind: 'header', headerName: 'X-Token' } },
      secret: 'k2',
    })
    await w.store.getState().loadKeys()
    await w.store.getState().select(ts.id)
    const view = w.render(<KeyDetailPanel />)
    await waitFor(() => expect(shown(service.shownAs ?? service.label).textContent).toBe(option.label))
    view.unmount()

    await w.store.getState().select(api.id)
    w.render(<KeyDetailPanel />)
    await waitFor(() => expect(shown('Address').textContent).toBe('https://api.billing.example.com/v2'))
    expect(shown('Sent as').textContent).toBe('A header of its own (for example X-API-Key)')
    expect(shown('Header name').textContent).toBe('X-Token')
    expect(screen.queryByText('Username', { selector: 'dt' })).toBeNull()
  })
})
