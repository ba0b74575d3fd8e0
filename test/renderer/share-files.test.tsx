import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { KeyDetailPanel } from '../../renderer/src/components/KeyDetailPanel'
import { ReceiveShareFile } from '../../renderer/src/components/share/ReceiveShareFile'
import { PASSPHRASE_APART, SendShareFile } from '../../renderer/src/components/share/SendShareFile'
import { SharingCodeSetting } from '../../renderer/src/components/share/SharingCodeSetting'
import { call } from '../support/core'
import { FolderDialogs } from '../support/folder-dialogs'
import { sampleKeys, STRONG_PASSWORD, tempDir } from '../support/fixtures'
import { startCore } from './support/core-bridge'
import { openWindow } from './support/render'

const between = tempDir('keyhold-share-ui-')
afterAll(() => between.remove())

const SPREEFLO = sampleKeys('ui')[2] as NonNullable<ReturnType<typeof sampleKeys>[number]>

/** The other person's Keyhold: a core of its own on its own data folder. */
async function otherKeyhold() {
  const other = startCore({ fileDialogs: new FolderDialogs(join(between.path, 'other')) })
  await call(other.core, 'keyhold:vault.create', { password: STRONG_PASSWORD })
  return other
}

describe('Send to another Keyhold', () => {
  it('to their sharing code: shows the pasted code’s fingerprint to compare, makes the file and saves it', async () => {
    const dialogs = new FolderDialogs(join(between.path, 'send-code'))
    const w = await openWindow({ fileDialogs: dialogs })
    const other = await otherKeyhold()
    try {
      const theirs = await call(other.core, 'keyhold:share.code')
      const key = await call(w.keyhold.core, 'keyhold:keys.add', SPREEFLO)
      const onClose = vi.fn()
      w.render(<SendShareFile detail={key} onClose={onClose} />)
      const user = userEvent.setup()
      const field = screen.getByLabelText('Their sharing code')
      expect(screen.getByText(/It starts with age1/)).toBeTruthy()
      await user.click(field)
      await user.paste(`${theirs.code}\n`)
      await waitFor(() => expect(screen.getByText(theirs.fingerprint)).toBeTruthy())
      await user.click(screen.getByRole('button', { name: 'Make the share file' }))
      await waitFor(() => expect(screen.getByText(/Made for the sharing code with fingerprint/)).toBeTruthy())
      expect(screen.getByText(theirs.fingerprint)).toBeTruthy()
      await user.click(screen.getByRole('button', { name: `Save “${SPREEFLO.name}.keyhold-share”…` }))
      await waitFor(() => expect(screen.getByText(/Saved\. Send the file to them/)).toBeTruthy())
      expect(dialogs.saved).toHaveLength(1)
      expect(readFileSync(dialogs.saved[0] as string).includes(Buffer.from(SPREEFLO.secret as string))).toBe(false)
      await user.click(screen.getByRole('button', { name: 'Done' }))
      expect(onClose).toHaveBeenCalledOnce()
      // And their Keyhold opens it.
      const held = other.core.files.receive('in.keyhold-share', readFileSync(dialogs.saved[0] as string))
      const opened = await call(other.core, 'keyhold:share.open', { fileId: held.fileId })
      expect(opened).toMatchObject({ needsPassphrase: false, preview: { name: SPREEFLO.name } })
    } finally {
      await other.close()
    }
  })

  it('says so at the field when what was pasted is not a sharing code, and makes nothing', async () => {
    const w = await openWindow({ fileDialogs: new FolderDialogs(join(between.path, 'send-bad')) })
    const key = await call(w.keyhold.core, 'keyhold:keys.add', SPREEFLO)
    w.render(<SendShareFile detail={key} onClose={() => undefined} />)
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Their sharing code'), 'my email is dana@example.com')
    await user.click(screen.getByRole('button', { name: 'Make the share file' }))
    await waitFor(() => expect(screen.getByText(ERROR_MESSAGES.SHARE_CODE_INVALID)).toBeTruthy())
    expect(screen.getByLabelText('Their sharing code').getAttribute('aria-invalid')).toBe('true')
    expect((await call(w.keyhold.core, 'keyhold:activity.list', { keyId: key.id })).map((a) => a.kind)).toEqual(['created'])
  })

  it('to a passphrase: shows it once with the "say it by phone" line, then saves the file', async () => {
    const dialogs = new FolderDialogs(join(between.path, 'send-pass'))
    const w = await openWindow({ fileDialogs: dialogs })
    const key = await call(w.keyhold.core, 'keyhold:keys.add', SPREEFLO)
    w.render(<SendShareFile detail={key} onClose={() => undefined} />)
    const user = userEvent.setup()
    await user.click(screen.getByRole('radio', { name: /passphrase Keyhold makes/ }))
    await user.click(screen.getByRole('button', { name: 'Make the share file' }))
    const shown = await screen.findByLabelText('Passphrase')
    expect(shown.textContent).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/)
    expect(screen.getByText(PASSPHRASE_APART)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: /^Save “/ }))
    await waitFor(() => expect(dialogs.saved).toHaveLength(1))
    expect((await call(w.keyhold.core, 'keyhold:activity.list', { keyId: key.id })).map((a) => a.kind)).toEqual(['shared', 'created'])
  })

  it('is offered on the detail panel of a key in use, as the Share dialog’s last option', async () => {
    const w = await openWindow({ fileDialogs: new FolderDialogs(join(between.path, 'panel')) })
    const key = await call(w.keyhold.core, 'keyhold:keys.add', SPREEFLO)
    await w.store.getState().loadKeys()
    await w.store.getState().select(key.id)
    w.render(<KeyDetailPanel />)
    const user = userEvent.setup()
    // The safer options come first: no share-file button of its own beside Share….
    expect(screen.queryByRole('button', { name: 'Send to another Keyhold…' })).toBeNull()
    await user.click(await screen.findByRole('button', { name: 'Share…' }))
    const share = within(await screen.findByRole('dialog'))
    while (share.queryByRole('button', { name: 'Send to another Keyhold…' }) === null) await user.click(share.getByRole('button', { name: 'Next' }))
    await user.click(share.getByRole('button', { name: 'Send to another Keyhold…' }))
    const dialog = within(await screen.findByRole('dialog', { name: `Send to another Keyhold: “${SPREEFLO.name}”` }))
    expect(dialog.getByLabelText('Their sharing code')).toBeTruthy()
  })
})

describe('Open a share file', () => {
  it('chooses the file, asks for its passphrase, shows what it holds, and adds it under the name typed', async () => {
    const other = await otherKeyhold()
    const dialogs = new FolderDialogs(join(between.path, 'receive'))
    const w = await openWindow({ fileDialogs: dialogs })
    try {
      const sent = await call(other.core, 'keyhold:keys.add', SPREEFLO)
      const made = await call(other.core, 'keyhold:share.makeFile', { id: sent.id, to: { passphrase: true } })
      await call(other.core, 'keyhold:files.save', { fileId: made.file.fileId })
      dialogs.next = join(between.path, 'other', made.file.name)
      const onClose = vi.fn()
      w.render(<ReceiveShareFile onClose={onClose} />)
      const user = userEvent.setup()
      await user.click(screen.getByRole('button', { name: 'Choose a share file…' }))
      await user.type(await screen.findByLabelText('Passphrase'), (made.passphrase as string).toLowerCase())
      await user.click(screen.getByRole('button', { name: 'Open' }))
      const name = await screen.findByLabelText('Name in your vault')
      expect(screen.getByText('Spreeflo')).toBeTruthy()
      // The provider's own fields, as the detail panel shows them.
      expect(screen.getByText(SPREEFLO.details['keyName'] as string)).toBeTruthy()
      expect((name as HTMLInputElement).value).toBe(SPREEFLO.name)
      expect(document.body.textContent).not.toContain(SPREEFLO.secret)
      await user.clear(name)
      await user.type(name, 'Newsletter from Dana')
      await user.click(screen.getByRole('button', { name: 'Add to vault' }))
      await waitFor(() => expect(onClose).toHaveBeenCalledOnce())
      const list = await call(w.keyhold.core, 'keyhold:keys.list')
      expect(list.map((k) => (k.damaged ? 'damaged' : k.name))).toEqual(['Newsletter from Dana'])
      expect(w.keyhold.core.vault.keys().readSecret(list[0]?.id as string)).toBe(SPREEFLO.secret)
      await waitFor(() => expect(screen.getByText('“Newsletter from Dana” was added to your vault.')).toBeTruthy())
      expect(w.store.getState().selectedId).toBe(list[0]?.id)
    } finally {
      await other.close()
    }
  })

  it('a wrong passphrase: says so at the field, adds nothing, and the right one still opens the file', async () => {
    const other = await otherKeyhold()
    const dialogs = new FolderDialogs(join(between.path, 'receive-wrong'))
    const w = await openWindow({ fileDialogs: dialogs })
    try {
      const sent = await call(other.core, 'keyhold:keys.add', SPREEFLO)
      const made = await call(other.core, 'keyhold:share.makeFile', { id: sent.id, to: { passphrase: true } })
      await call(other.core, 'keyhold:files.save', { fileId: made.file.fileId })
      dialogs.next = join(between.path, 'other', made.file.name)
      w.render(<ReceiveShareFile onClose={() => undefined} />)
      const user = userEvent.setup()
      await user.click(screen.getByRole('button', { name: 'Choose a share file…' }))
      await user.type(await screen.findByLabelText('Passphrase'), 'AAAA-BBBB')
      await user.click(screen.getByRole('button', { name: 'Open' }))
      await waitFor(() => expect(screen.getByText(ERROR_MESSAGES.SHARE_FILE_NOT_FOR_YOU)).toBeTruthy())
      const field = screen.getByLabelText('Passphrase') as HTMLInputElement
      expect(field.getAttribute('aria-invalid')).toBe('true')
      expect(field.value).toBe('')
      expect(await call(w.keyhold.core, 'keyhold:keys.list')).toEqual([])
      await user.type(field, made.passphrase as string)
      await user.click(screen.getByRole('button', { name: 'Open' }))
      expect(await screen.findByLabelText('Name in your vault')).toBeTruthy()
    } finally {
      await other.close()
    }
  })

  it('a file the person chose that is not a share file gets its sentence', async () => {
    const dialogs = new FolderDialogs(join(between.path, 'receive-junk'))
    const w = await openWindow({ fileDialogs: dialogs })
    const junk = join(between.path, 'notes.txt')
    writeFileSync(junk, 'my keys: abc')
    dialogs.next = junk
    w.render(<ReceiveShareFile onClose={() => undefined} />)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Choose a share file…' }))
    await waitFor(() => expect(screen.getByText(ERROR_MESSAGES.SHARE_FILE_DAMAGED)).toBeTruthy())
  })
})

describe('Your sharing code, in Settings', () => {
  it('shows the code and its fingerprint, and copies the code', async () => {
    const w = await openWindow()
    const mine = await call(w.keyhold.core, 'keyhold:share.code')
    // user-event stands in for the browser's clipboard (the code is public: the window may copy it itself).
    const user = userEvent.setup()
    w.render(<SharingCodeSetting />)
    expect((await screen.findByLabelText('Sharing code')).textContent).toBe(mine.code)
    expect(screen.getByText(mine.fingerprint)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Copy code' }))
    expect(await navigator.clipboard.readText()).toBe(mine.code)
    await waitFor(() => expect(screen.getByText('Sharing code copied.')).toBeTruthy())
  })
})
