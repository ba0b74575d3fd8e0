import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_PROVIDERS } from '../../electron/shared/providers'
import { Wizard, type WizardStep } from '../../renderer/src/components/Wizard'
import { wizardStorageKey } from '../../renderer/src/components/wizard-state'
import { useApi } from '../../renderer/src/store/store'
import { openWindow } from './support/render'

type Values = { nickname: string }

function PasteButton({ onCaptured }: { onCaptured: (id: string) => void }) {
  const api = useApi()
  return (
    <button type="button" onClick={() => void api.call('keyhold:clipboard.capture').then((c) => onCaptured(c.captureId))}>
      Paste from clipboard
    </button>
  )
}

const STEPS: readonly WizardStep<Values>[] = [
  {
    id: 'name',
    title: 'Name the key',
    render: ({ values, setValues }) => (
      <label>
        Nickname
        <input value={values.nickname} onChange={(e) => setValues({ nickname: e.target.value })} />
      </label>
    ),
  },
  {
    id: 'capture',
    title: 'Paste the token',
    render: ({ captureId, setCaptureId }) => (captureId ? <p>Pasted: kept inside Keyhold.</p> : <PasteButton onCaptured={setCaptureId} />),
    blocked: ({ captureId }) => (captureId ? null : 'Paste the token first.'),
  },
  { id: 'done', title: 'Check it', render: () => <p>Ready.</p> },
]

const FLOW = 'test-flow'
const stored = () => JSON.parse(sessionStorage.getItem(wizardStorageKey(FLOW)) ?? 'null') as { step: number; values: Values; captureId: string | null } | null

describe('the Wizard building block', () => {
  it('steps forward and back, focusing each step’s heading and announcing the change', async () => {
    const w = await openWindow()
    const user = userEvent.setup()
    w.render(<Wizard flow={FLOW} steps={STEPS} initialValues={{ nickname: '' }} onFinish={() => undefined} />)
    const first = screen.getByRole('heading', { name: 'Name the key' })
    await waitFor(() => expect(document.activeElement).toBe(first))
    expect(screen.getByText('Step 1 of 3')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Back' }).hasAttribute('disabled')).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Next' }))
    const second = await screen.findByRole('heading', { name: 'Paste the token' })
    await waitFor(() => expect(document.activeElement).toBe(second))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Step 2 of 3: Paste the token'))

    // A step can hold Next back, and says why.
    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByText('Paste the token first.')).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Paste the token' })).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Back' }))
    const again = await screen.findByRole('heading', { name: 'Name the key' })
    await waitFor(() => expect(document.activeElement).toBe(again))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Step 1 of 3: Name the key'))
  })

  it('resumes a half-finished flow after a reload, with its values and capture, and the token stays in core', async () => {
    const w = await openWindow()
    const user = userEvent.setup()
    const view = w.render(<Wizard flow={FLOW} steps={STEPS} initialValues={{ nickname: '' }} onFinish={() => undefined} />)
    await user.type(screen.getByLabelText('Nickname'), 'intake')
    await user.click(screen.getByRole('button', { name: 'Next' }))
    w.keyhold.clipboard.userCopies('tok-secret-123')
    await user.click(await screen.findByRole('button', { name: 'Paste from clipboard' }))
    await screen.findByText('Pasted: kept inside Keyhold.')
    const captureId = stored()?.captureId
    expect(captureId).toMatch(/^[0-9a-f-]{36}$/)
    expect(sessionStorage.getItem(wizardStorageKey(FLOW))).not.toContain('tok-secret-123')
    expect(stored()).toEqual({ step: 1, values: { nickname: 'intake' }, captureId })

    // The window reloads: the same flow picks up where it was.
    view.unmount()
    w.render(<Wizard flow={FLOW} steps={STEPS} initialValues={{ nickname: '' }} onFinish={() => undefined} />)
    const heading = await screen.findByRole('heading', { name: 'Paste the token' })
    await waitFor(() => expect(document.activeElement).toBe(heading))
    expect(screen.getByText('Pasted: kept inside Keyhold.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Back' }))
    expect((screen.getByLabelText('Nickname') as HTMLInputElement).value).toBe('intake')

    // Core still holds the captured token: a key can be saved from it.
    const added = await w.keyhold.core.handlers['keyhold:keys.add']({
      name: 'From the flow',
      details: { provider: 'custom', baseUrl: 'https://api.example.com', auth: { kind: 'bearer' } },
      secretCaptureId: captureId,
    })
    expect(added.ok).toBe(true)
  })

  it('Discard releases the capture in core and forgets the flow', async () => {
    const w = await openWindow()
    const user = userEvent.setup()
    let discarded = 0
    w.render(<Wizard flow={FLOW} steps={STEPS} initialValues={{ nickname: '' }} onFinish={() => undefined} onDiscard={() => discarded++} />)
    await user.click(screen.getByRole('button', { name: 'Next' }))
    w.keyhold.clipboard.userCopies('tok-to-discard')
    await user.click(await screen.findByRole('button', { name: 'Paste from clipboard' }))
    await screen.findByText('Pasted: kept inside Keyhold.')
    const captureId = stored()?.captureId as string

    await user.click(screen.getByRole('button', { name: 'Discard' }))
    await screen.findByRole('heading', { name: 'Name the key' })
    expect(w.keyhold.bridge.calls).toContain('keyhold:clipboard.discard')
    expect(discarded).toBe(1)
    expect(stored()).toEqual({ step: 0, values: { nickname: '' }, captureId: null })
    // The capture is gone from core: it can neither be saved nor discarded again.
    expect(await w.keyhold.core.handlers['keyhold:clipboard.discard']({ captureId })).toEqual({ ok: true, value: { discarded: false } })
    const refused = await w.keyhold.core.handlers['keyhold:keys.add']({
      name: 'Too late',
      details: { provider: 'custom', baseUrl: 'https://api.example.com', auth: { kind: 'bearer' } },
      secretCaptureId: captureId,
    })
    expect(refused.ok).toBe(false)
  })

  it('finishing forgets the flow', async () => {
    const w = await openWindow()
    const user = userEvent.setup()
    const finished: unknown[] = []
    sessionStorage.setItem(wizardStorageKey(FLOW), JSON.stringify({ step: 2, values: { nickname: 'x' }, captureId: null }))
    w.render(<Wizard flow={FLOW} steps={STEPS} initialValues={{ nickname: '' }} onFinish={(s) => void finished.push(s)} finishLabel="Save key" />)
    await user.click(await screen.findByRole('button', { name: 'Save key' }))
    await waitFor(() => expect(finished).toEqual([{ step: 2, values: { nickname: 'x' }, captureId: null }]))
    expect(sessionStorage.getItem(wizardStorageKey(FLOW))).toBeNull()
  })

  it('starts afresh from a stored state that is not its own shape', async () => {
    const w = await openWindow()
    sessionStorage.setItem(wizardStorageKey(FLOW), JSON.stringify({ step: 'two', values: null, captureId: 'not-an-id' }))
    w.render(<Wizard flow={FLOW} steps={STEPS} initialValues={{ nickname: '' }} onFinish={() => undefined} />)
    expect(await screen.findByRole('heading', { name: 'Name the key' })).toBeTruthy()
  })

  it('renders a provider’s generate guide from its descriptor (a demonstration)', async () => {
    const w = await openWindow()
    const user = userEvent.setup()
    const guide = (BUILT_IN_PROVIDERS[0] as (typeof BUILT_IN_PROVIDERS)[number]).guides.generate
    const steps: WizardStep<Record<string, never>>[] = guide.map((s) => ({
      id: s.id,
      title: s.title,
      render: () => (
        <>
          {s.body.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {s.warnings?.map((warning) => (
            <aside key={warning.title} role="note" aria-label={warning.title}>
              {warning.text}
            </aside>
          ))}
        </>
      ),
    }))
    w.render(<Wizard flow="guide-demo" steps={steps} initialValues={{}} onFinish={() => undefined} />)
    for (const [i, s] of guide.entries()) {
      expect(await screen.findByRole('heading', { name: s.title })).toBeTruthy()
      expect(screen.getByText(`Step ${i + 1} of ${guide.length}`)).toBeTruthy()
      for (const p of s.body) expect(screen.getByText(p)).toBeTruthy()
      for (const warning of s.warnings ?? []) expect(screen.getByRole('note', { name: warning.title }).textContent).toBe(warning.text)
      if (i < guide.length - 1) await user.click(screen.getByRole('button', { name: 'Next' }))
    }
  })
})
