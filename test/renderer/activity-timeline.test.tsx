import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDERS } from '../../electron/shared/providers'
import { activitySentence } from '../../renderer/src/activity-ui'
import { ActivityTimeline } from '../../renderer/src/components/ActivityTimeline'
import { call } from '../support/core'
import { openWindow } from './support/render'

const [threadeo] = BUILT_IN_PROVIDERS
const apiKey = threadeo.fields.find((f) => f.copyable) as (typeof threadeo.fields)[number]
const sentences = () => within(screen.getByRole('list', { name: 'Activity' })).getAllByRole('listitem').map((li) => li.querySelector('p')?.textContent)

describe('the activity timeline, against the real core', () => {
  it('says each entry in the descriptor’s words, newest first, refreshes on keys.changed, and filters by kind', async () => {
    const w = await openWindow()
    const key = await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Intake', details: { provider: threadeo.id, tenant: 'acme', apiKey: 'TD-1' }, secret: 'CANARY-tok' })
    await w.store.getState().loadKeys()
    await call(w.keyhold.core, 'keyhold:keys.copy', { id: key.id, field: 'secret' })
    await call(w.keyhold.core, 'keyhold:keys.copy', { id: key.id, field: apiKey.path })
    w.render(<ActivityTimeline keyId={key.id} title="Activity" />)
    await waitFor(() =>
      expect(sentences()).toEqual([`Copied the ${apiKey.shownAs ?? apiKey.label}`, `Copied the secret ${threadeo.secret.noun}`, 'Added']),
    )
    // An edit sends keyhold:keys.changed: the timeline reloads on its own.
    await call(w.keyhold.core, 'keyhold:keys.update', { id: key.id, changes: { name: 'Renamed', tags: ['legal'], secret: 'CANARY-new' } })
    await waitFor(() => expect(sentences()[0]).toBe(`Edited: name, tags; secret ${threadeo.secret.noun} replaced`))
    expect(document.body.textContent).not.toContain('CANARY')

    await userEvent.setup().selectOptions(screen.getByLabelText('Show activity'), 'Copies')
    await waitFor(() => expect(sentences()).toHaveLength(2))
    expect(sentences().every((s) => s?.startsWith('Copied'))).toBe(true)
  })

  it('says a check’s outcome and a damaged entry plainly', () => {
    const base = { at: 0, damaged: false as const, keyId: null, keyName: null, field: null }
    expect(activitySentence({ ...base, kind: 'checked', detail: { outcome: 'invalid' } }, threadeo)).toBe(`Checked: Rejected — revoke it in ${threadeo.label} and add a new key`)
    expect(activitySentence({ ...base, kind: 'checked', detail: { outcome: 'valid' } }, undefined)).toBe('Checked: Works — nothing to do')
    expect(activitySentence({ at: 0, damaged: true, kind: null, keyId: null, keyName: null, field: null, detail: null }, undefined)).toMatch(/cannot be read/)
  })

  it('links a rotation’s two keys by name, and says plainly when the other one is gone', () => {
    const base = { at: 0, damaged: false as const, keyId: null, keyName: null, field: null }
    const a = '00000000-0000-4000-8000-00000000000a'
    const nameOf = (id: string) => (id === a ? 'Sign-up form' : undefined)
    expect(activitySentence({ ...base, kind: 'rotated', detail: { replacedBy: a } }, threadeo, nameOf)).toBe('Rotated: replaced by a new key, “Sign-up form”')
    expect(activitySentence({ ...base, kind: 'created', detail: { replaces: a } }, threadeo, nameOf)).toBe('Added to replace “Sign-up form” (rotation)')
    expect(activitySentence({ ...base, kind: 'created', detail: { replaces: '00000000-0000-4000-8000-00000000000b' } }, threadeo, nameOf)).toBe('Added to replace a key that was deleted (rotation)')
    expect(activitySentence({ ...base, kind: 'revoked', detail: { outcome: 'invalid' } }, threadeo)).toMatch(/^Revoked — verified/)
  })
})
