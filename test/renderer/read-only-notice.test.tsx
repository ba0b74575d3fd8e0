import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { READ_ONLY_HEADING, ReadOnlyNotice } from '../../renderer/src/components/ReadOnlyNotice'
import { openWindow } from './support/render'

describe('the read-only notice', () => {
  it('is said while the vault is open from a disk Keyhold cannot write to, and gone once it can', async () => {
    const w = await openWindow()
    w.render(<ReadOnlyNotice />)
    expect(screen.queryByRole('region', { name: READ_ONLY_HEADING })).toBeNull()

    // As the core reports it (full-and-read-only-disk.test.ts proves the core's side on a real read-only disk).
    w.store.getState().vaultChanged({ state: 'unlocked', readOnly: true })
    const notice = await screen.findByRole('region', { name: READ_ONLY_HEADING })
    expect(notice.textContent).toMatch(/full or read-only/)

    w.store.getState().vaultChanged({ state: 'unlocked' })
    await waitFor(() => expect(screen.queryByRole('region', { name: READ_ONLY_HEADING })).toBeNull())
  })
})
