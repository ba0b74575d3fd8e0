import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ExportButton } from '../../renderer/src/components/transfer/ExportDialog'
import { ImportButton } from '../../renderer/src/components/transfer/ImportDialog'
import { call } from '../support/core'
import { tempDir } from '../support/fixtures'
import { FolderDialogs } from '../support/folder-dialogs'
import { openWindow } from './support/render'

const folders: ReturnType<typeof tempDir>[] = []
afterEach(() => {
  for (const f of folders.splice(0)) f.remove()
})
function outside() {
  const f = tempDir('keyhold-transfer-ui-')
  folders.push(f)
  return { path: f.path, dialogs: new FolderDialogs(join(f.path, 'saved')) }
}

describe('the Import dialog', () => {
  it('reads a CSV, shows the guessed columns and the preview, remaps a column, and imports with a report', async () => {
    const files = outside()
    const w = await openWindow({ fileDialogs: files.dialogs })
    const csv = join(files.path, 'keys.csv')
    writeFileSync(csv, 'Title,Password,URL,Remarks\nWeather,wx-secret-1,https://api.weather.example,paid plan\nNo address,nu-secret-2,,\n')
    files.dialogs.next = csv
    w.render(<ImportButton />)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Import' }))
    const dialog = within(await screen.findByRole('dialog'))
    await user.click(dialog.getByRole('button', { name: 'Choose a file…' }))
    await dialog.findByText('1 to add, 0 to update, 1 skipped')
    expect((dialog.getByLabelText('Key (the secret)') as HTMLSelectElement).value).toBe('1')
    expect((dialog.getByLabelText('Address (URL)') as HTMLSelectElement).value).toBe('2')
    expect((dialog.getByLabelText('Notes') as HTMLSelectElement).value).toBe('')
    const rows = dialog.getAllByRole('row').slice(1).map((r) => r.textContent)
    expect(rows[0]).toBe('1WeatherCustom REST APIAdd')
    expect(rows[1]).toMatch(/^2No address—Skip It has no address/)
    // The person says the Comment column holds the notes: the preview is read again with that.
    await user.selectOptions(dialog.getByLabelText('Notes'), 'Remarks')
    await waitFor(() => expect((dialog.getByLabelText('Notes') as HTMLSelectElement).value).toBe('3'))
    expect(await call(w.keyhold.core, 'keyhold:keys.list')).toEqual([])
    await user.click(dialog.getByRole('button', { name: 'Import 1 key' }))
    await dialog.findByText('Added 1 key, updated 0 keys, skipped 1 key.')
    const [key] = await call(w.keyhold.core, 'keyhold:keys.list')
    expect(await call(w.keyhold.core, 'keyhold:keys.get', { id: key?.id })).toMatchObject({ name: 'Weather', notes: 'paid plan' })
    expect(w.store.getState().entries).toHaveLength(1)
  })

  it('asks for the password of a protected file, says when it is wrong, and reads the file once it is right', async () => {
    const files = outside()
    const w = await openWindow({ fileDialogs: files.dialogs, exportWorkFactor: 10 })
    await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Shop', details: { provider: 'spreeflo', keyName: 'shop' }, secret: 'sf-secret-1' })
    const ref = await call(w.keyhold.core, 'keyhold:vault.export', { passphrase: 'marble canyon whistle lantern 7' })
    await call(w.keyhold.core, 'keyhold:files.save', { fileId: ref.fileId })
    files.dialogs.next = files.dialogs.saved[0]
    w.render(<ImportButton />)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Import' }))
    const dialog = within(await screen.findByRole('dialog'))
    await user.click(dialog.getByRole('button', { name: 'Choose a file…' }))
    await user.type(await dialog.findByLabelText('The file’s password'), 'not the passphrase')
    await user.click(dialog.getByRole('button', { name: 'Open' }))
    expect((await dialog.findByRole('alert')).textContent).toMatch(/^That passphrase does not open this Keyhold file/)
    await user.clear(dialog.getByLabelText('The file’s password'))
    await user.type(dialog.getByLabelText('The file’s password'), 'marble canyon whistle lantern 7')
    await user.click(dialog.getByRole('button', { name: 'Open' }))
    await dialog.findByText('0 to add, 0 to update, 1 skipped')
    expect(dialog.getByRole('button', { name: 'Nothing to import' }).hasAttribute('disabled')).toBe(true)
    expect(dialog.getByText('Already in the vault.')).toBeTruthy()
  })
})

describe('the Export dialog', () => {
  it('refuses a weak or mistyped passphrase, then saves an age file', async () => {
    const files = outside()
    const w = await openWindow({ fileDialogs: files.dialogs, exportWorkFactor: 10 })
    await call(w.keyhold.core, 'keyhold:keys.add', { name: 'Shop', details: { provider: 'spreeflo', keyName: 'shop' }, secret: 'sf-secret-2' })
    w.render(<ExportButton />)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Export' }))
    const dialog = within(await screen.findByRole('dialog'))
    await user.type(dialog.getByLabelText('Passphrase for the file'), 'short')
    await user.type(dialog.getByLabelText('Type the passphrase again'), 'short')
    await user.click(dialog.getByRole('button', { name: 'Export and save' }))
    expect((await dialog.findByRole('alert')).textContent).toMatch(/^Choose a stronger passphrase for the export/)
    await user.clear(dialog.getByLabelText('Passphrase for the file'))
    await user.type(dialog.getByLabelText('Passphrase for the file'), 'marble canyon whistle lantern 7')
    await user.click(dialog.getByRole('button', { name: 'Export and save' }))
    expect((await dialog.findByRole('alert')).textContent).toBe('The two passphrases are not the same.')
    await user.clear(dialog.getByLabelText('Type the passphrase again'))
    await user.type(dialog.getByLabelText('Type the passphrase again'), 'marble canyon whistle lantern 7')
    await user.click(dialog.getByRole('button', { name: 'Export and save' }))
    await dialog.findByText(/Keep the passphrase apart from the file/)
    const [saved] = files.dialogs.saved
    expect(readFileSync(saved as string).subarray(0, 21).toString()).toBe('age-encryption.org/v1')
    expect(readFileSync(saved as string).includes(Buffer.from('sf-secret-2'))).toBe(false)
  })
})
