import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OUTCOME_NEXT_STEPS, outcomeLine } from '../../electron/shared/checks'
import type { NewKeyInput } from '../../electron/shared/dto'
import { BUILT_IN_PROVIDERS } from '../../electron/shared/providers'
import { selectVisibleEntries } from '../../renderer/src/store/selectors'
import { VaultScreen } from '../../renderer/src/screens/VaultScreen'
import { startSandbox, type Sandbox } from '../sandbox'
import { call } from '../support/core'
import { openWindow, type Window } from './support/render'

const [threadeo, threatstop, spreeflo, custom] = BUILT_IN_PROVIDERS
const DAY = 86_400_000
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10)

const sandboxes: Sandbox[] = []
afterEach(async () => {
  for (const s of sandboxes.splice(0)) await s.close()
})

// jsdom lays nothing out; the virtualized list renders the rows that fit a list this tall.
beforeEach(() => {
  const tall = (real: PropertyDescriptor | undefined, size: number) => ({
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('key-list-scroll') ? size : ((real?.get?.call(this) as number | undefined) ?? 0)
    },
  })
  for (const [prop, size] of [['clientHeight', 800], ['clientWidth', 600]] as const) {
    const real = Object.getOwnPropertyDescriptor(Element.prototype, prop)
    Object.defineProperty(HTMLElement.prototype, prop, tall(real, size))
    restore.push(() => Reflect.deleteProperty(HTMLElement.prototype, prop))
  }
})
const restore: (() => void)[] = []
afterEach(() => {
  for (const undo of restore.splice(0)) undo()
})

const spreefloKey = (name: string, more: Partial<NewKeyInput> = {}): NewKeyInput => ({ name, details: { provider: spreeflo.id, keyName: name }, secret: `s-${name}`, ...more })

/** A window with the vault screen over keys of three providers, three tags, one expired, one expiring, one revoked. */
async function vaultWithKeys() {
  const w = await openWindow()
  const add = async (input: NewKeyInput) => (await call(w.keyhold.core, 'keyhold:keys.add', input)).id
  const ids = {
    shop: await add(spreefloKey('Shop', { tags: ['billing', 'web'] })),
    old: await add(spreefloKey('Old shop', { expiresOn: inDays(-2), tags: ['web'] })),
    soon: await add({ name: 'Devices', expiresOn: inDays(5), details: { provider: threatstop.id, service: 'devices' }, secret: 'ts' }),
    billing: await add({ name: 'Billing', tags: ['billing'], details: { provider: custom.id, baseUrl: 'https://api.billing.example.com', auth: { kind: 'bearer' } }, secret: 'b' }),
    gone: await add(spreefloKey('Retired')),
  }
  w.keyhold.core.vault.keys().markRevoked(ids.gone)
  await w.store.getState().loadKeys()
  w.render(<VaultScreen />)
  await screen.findByRole('navigation', { name: 'Key lists' })
  // The reminder window comes with the settings the screen reads.
  await waitFor(() => expect(w.store.getState().settings).not.toBeNull())
  return { w, ids }
}

const lists = () => screen.getByRole('navigation', { name: 'Key lists' })
const item = (name: string) => within(lists()).getByRole('button', { name: new RegExp(`^${name}\\s*,\\s*\\d+$`) })
const count = (name: string) => item(name).querySelector('.nav-count')?.textContent?.replace(/\D/g, '')
const row = (name: string) => within(screen.getByRole('list', { name: 'Keys' })).getByRole('button', { name: new RegExp(`^${name}\\b`) })
const shownNames = (w: Window) => selectVisibleEntries(w.store.getState()).flatMap((e) => (e.damaged ? [] : [e.name]))

describe('the sidebar', () => {
  it('offers All keys, Needs attention, each provider in use, each tag and Revoked, each with its count', async () => {
    await vaultWithKeys()
    expect(count('All keys')).toBe('4')
    // Expired two days ago, and due in five days (within the 14-day reminder window).
    expect(count('Needs attention')).toBe('2')
    expect(count(spreeflo.label)).toBe('2')
    expect(count(threatstop.label)).toBe('1')
    expect(count(custom.label)).toBe('1')
    // A provider without a key has no list.
    expect(within(lists()).queryByRole('button', { name: new RegExp(`^${threadeo.label}`) })).toBeNull()
    expect(count('billing')).toBe('2')
    expect(count('web')).toBe('2')
    expect(count('Revoked')).toBe('1')
    expect(item('All keys').getAttribute('aria-current')).toBe('true')
    expect(item('Revoked').getAttribute('aria-current')).toBeNull()
  })

  it('narrows the list to the chosen one, marks it current, and the search narrows within it', async () => {
    const { w } = await vaultWithKeys()
    const user = userEvent.setup()
    expect(shownNames(w)).not.toContain('Retired')
    await user.click(item('web'))
    expect(item('web').getAttribute('aria-current')).toBe('true')
    expect(item('All keys').getAttribute('aria-current')).toBeNull()
    expect(shownNames(w).sort()).toEqual(['Old shop', 'Shop'])
    expect(screen.getByText('2 keys in tag “web”')).toBeTruthy()
    await user.type(screen.getByLabelText('Search keys'), 'old')
    await waitFor(() => expect(shownNames(w)).toEqual(['Old shop']))
    await user.click(item(spreeflo.label))
    await waitFor(() => expect(shownNames(w)).toEqual(['Old shop']))
    await user.click(item('Revoked'))
    await user.clear(screen.getByLabelText('Search keys'))
    await waitFor(() => expect(shownNames(w)).toEqual(['Retired']))
    await user.click(item('Needs attention'))
    expect(shownNames(w).sort()).toEqual(['Devices', 'Old shop'])
  })

  it('counts a key rejected or blocked at its last check, and one nobody checked for 30 days', async () => {
    const { w, ids } = await vaultWithKeys()
    act(() => w.store.getState().recordLastCheck(ids.billing, { outcome: 'invalid', at: Date.now(), sentence: 'Rejected: revoked or wrong' }))
    expect(count('Needs attention')).toBe('3')
    act(() => w.store.getState().recordLastCheck(ids.billing, { outcome: 'blocked', at: Date.now(), sentence: 'Blocked' }))
    expect(count('Needs attention')).toBe('3')
    act(() => w.store.getState().recordLastCheck(ids.billing, { outcome: 'valid', at: Date.now(), sentence: 'Works' }))
    expect(count('Needs attention')).toBe('2')
    // A month on: the keys never checked since they were added, and the one checked today, are due.
    act(() => w.store.setState({ now: Date.now() + 31 * DAY }))
    expect(count('Needs attention')).toBe('4')
  })

  it('closes the open key when the list, the filter or the search stops showing it, and opening one brings it into view', async () => {
    const { w, ids } = await vaultWithKeys()
    const user = userEvent.setup()
    await act(() => w.store.getState().select(ids.shop))
    await screen.findByRole('heading', { name: 'Shop', level: 2 })
    await user.click(item('Needs attention'))
    expect(w.store.getState().selectedId).toBeNull()
    expect(screen.queryByRole('heading', { name: 'Shop', level: 2 })).toBeNull()

    await user.click(item('All keys'))
    await act(() => w.store.getState().select(ids.billing))
    await user.type(screen.getByLabelText('Search keys'), 'shop')
    await waitFor(() => expect(w.store.getState().selectedId).toBeNull())

    // A key that leaves the list by what happens to it (here a check) stays open while it is read.
    act(() => w.store.getState().recordLastCheck(ids.billing, { outcome: 'invalid', at: Date.now(), sentence: 'Rejected' }))
    await user.clear(screen.getByLabelText('Search keys'))
    await user.click(item('Needs attention'))
    await act(() => w.store.getState().select(ids.billing))
    act(() => w.store.getState().recordLastCheck(ids.billing, { outcome: 'valid', at: Date.now(), sentence: 'Works' }))
    expect(shownNames(w)).not.toContain('Billing')
    expect(w.store.getState().selectedId).toBe(ids.billing)

    // Opened from elsewhere (the expiry summary), a hidden key brings its list back into view.
    await act(() => w.store.getState().select(ids.gone))
    expect(item('Revoked').getAttribute('aria-current')).toBe('true')
    expect((screen.getByLabelText('Search keys') as HTMLInputElement).value).toBe('')
    expect(w.store.getState().selectedId).toBe(ids.gone)
  })
})

describe('the rows and the outcome words', () => {
  it('shows a key past its date as Expired at once, without a check', async () => {
    await vaultWithKeys()
    const old = row('Old shop')
    expect(old.querySelector('.outcome-badge')?.textContent).toBe('Expired')
    expect(old.textContent).toContain(OUTCOME_NEXT_STEPS.expired(spreeflo.label))
    expect(row('Shop').querySelector('.outcome-badge')?.textContent).toBe('Not checked yet')
  })

  it('says a rejected key’s next step in the same words in its row, its page, its history and the announcement', async () => {
    const sandbox = await startSandbox('spreeflo')
    sandboxes.push(sandbox)
    const { w, ids } = await vaultWithKeys()
    await call(w.keyhold.core, 'keyhold:settings.update', { providers: { [spreeflo.id]: { baseUrl: sandbox.url } } })
    sandbox.addKey({ secret: 's-Shop' })
    sandbox.revoke('s-Shop')
    await act(() => w.store.getState().select(ids.shop))
    await act(() => w.store.getState().checkKey(ids.shop))
    const line = outcomeLine('invalid', spreeflo.label)
    expect(line).toBe(`Rejected — revoke it in ${spreeflo.label} and add a new key`)
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Shop: ${line}`))
    const spoken = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim()
    expect(spoken(row('Shop').querySelector('.check-status'))).toBe(`${line}.`)
    const detail = screen.getByRole('region', { name: 'Key details' })
    expect(spoken(detail.querySelector('.check-headline'))).toBe(line)
    const history = await within(detail).findByRole('list', { name: 'Check history' })
    expect(spoken(within(history).getAllByRole('listitem')[0]?.querySelector('.history-head'))).toMatch(new RegExp(`^${line} `))
  })
})

describe('the keyboard shortcuts', () => {
  it('are shown on their controls, as a tooltip and as aria-keyshortcuts', async () => {
    await vaultWithKeys()
    const search = screen.getByLabelText('Search keys')
    expect(search.getAttribute('aria-keyshortcuts')).toBe('/ Control+F')
    expect(search.getAttribute('title')).toBe('Search keys (/ or Ctrl+F)')
    const add = screen.getByRole('button', { name: 'Add key' })
    expect(add.getAttribute('aria-keyshortcuts')).toBe('Control+N N')
    expect(add.getAttribute('title')).toBe('Add key (Ctrl+N or N)')
    const lock = screen.getByRole('button', { name: 'Lock' })
    expect(lock.getAttribute('aria-keyshortcuts')).toBe('Control+L')
    expect(lock.getAttribute('title')).toBe('Lock (Ctrl+L)')
    // Buttons that show only an icon at narrow widths keep their names.
    for (const name of ['Settings', 'Activity', 'Change master password', 'Key lists']) expect(screen.getByRole('button', { name })).toBeTruthy()
  })

  it('"/" and Ctrl+F find, "n" and Ctrl+N add (never while typing), Ctrl+L locks', async () => {
    const { w } = await vaultWithKeys()
    const user = userEvent.setup()
    const search = screen.getByLabelText('Search keys')
    await user.keyboard('/')
    expect(document.activeElement).toBe(search)
    expect((search as HTMLInputElement).value).toBe('')
    // Typed into the search, "n" is a letter of the query.
    await user.keyboard('n')
    expect((search as HTMLInputElement).value).toBe('n')
    expect(w.store.getState().dialog).toBeNull()
    search.blur()
    await user.keyboard('{Control>}f{/Control}')
    expect(document.activeElement).toBe(search)
    search.blur()
    await user.keyboard('n')
    expect(w.store.getState().dialog).toBe('add')
    act(() => w.store.getState().closeDialog())
    await user.keyboard('{Control>}n{/Control}')
    expect(w.store.getState().dialog).toBe('add')
    act(() => w.store.getState().closeDialog())
    await user.keyboard('{Control>}l{/Control}')
    await waitFor(() => expect(w.store.getState().vault?.state).toBe('locked'))
  })
})
