import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import BetterSqlite3 from 'better-sqlite3'
import { closeSync, openSync, statSync, writeSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERROR_MESSAGES } from '../../electron/shared/errors'
import { RESTORE_CONFIRM_TEXT, RESTORED_NOTICE } from '../../renderer/src/backups-ui'
import { SettingsDialog } from '../../renderer/src/components/SettingsDialog'
import { BACKUPS_KEEP_LABEL, BACKUPS_KEEP_PROBLEM } from '../../renderer/src/forms/settings-form-schema'
import { Unlock } from '../../renderer/src/screens/Unlock'
import { KeyholdStoreProvider } from '../../renderer/src/store/store'
import { call } from '../support/core'
import { sampleKeys, STRONG_PASSWORD } from '../support/fixtures'
import { openWindow } from './support/render'

type TestWindow = Awaited<ReturnType<typeof openWindow>>

async function openSettings(w: TestWindow) {
  w.render(<SettingsDialog />)
  w.store.getState().openDialog('settings')
  return within(await screen.findByRole('dialog', { name: 'Settings' }))
}

async function addKeys(w: TestWindow, tag: string): Promise<string[]> {
  const names: string[] = []
  for (const k of sampleKeys(tag)) names.push((await call(w.keyhold.core, 'keyhold:keys.add', k)).name)
  return names.sort((a, b) => a.localeCompare(b))
}

function damage(path: string): void {
  const size = statSync(path).size
  const fd = openSync(path, 'r+')
  try {
    writeSync(fd, Buffer.alloc(Math.min(8192, size - 4096), 0xa5), 0, Math.min(8192, size - 4096), 4096)
  } finally {
    closeSync(fd)
  }
}

describe('the Backups section of Settings', () => {
  it('backs up now, previews what a backup holds, and restores it after a confirmation that says the vault is kept first', async () => {
    const w = await openWindow()
    const names = await addKeys(w, 'ui')
    const user = userEvent.setup()
    const dialog = await openSettings(w)
    const section = within(await dialog.findByRole('region', { name: 'Backups' }))
    expect(await section.findByText(/No backups yet/)).toBeTruthy()

    await user.click(section.getByRole('button', { name: 'Back up now' }))
    const list = within(await section.findByRole('list', { name: 'Backups' }))
    const row = within(list.getAllByRole('listitem')[0] as HTMLElement)
    expect(row.getByText(/Backed up by you · .* KB · Checked/)).toBeTruthy()

    await user.click(row.getByRole('button', { name: 'Preview' }))
    const preview = within(await section.findByRole('region', { name: 'What the backup holds' }))
    expect(preview.getByText(new RegExp(`^${names.length} keys; the newest change`))).toBeTruthy()
    expect(preview.getAllByRole('listitem').map((li) => li.textContent)).toEqual(names)

    await call(w.keyhold.core, 'keyhold:keys.add', { ...sampleKeys('later')[0], name: 'Added after the backup' })
    await user.click(row.getByRole('button', { name: 'Restore…' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Restore this backup?' })
    expect(confirm.textContent).toContain(RESTORE_CONFIRM_TEXT)
    await user.click(within(confirm).getByRole('button', { name: 'Restore the backup' }))
    await waitFor(() => expect(w.store.getState().vault?.state).toBe('locked'))
    expect(document.body.textContent).toContain(RESTORED_NOTICE)

    // The vault as it was is a backup now, and the restored one lacks the later key.
    const after = await call(w.keyhold.core, 'keyhold:backups.list')
    expect(after.backups.map((b) => b.reason).sort()).toEqual(['before-restore', 'manual'])
    await call(w.keyhold.core, 'keyhold:vault.unlock', { password: STRONG_PASSWORD })
    const restored = (await call(w.keyhold.core, 'keyhold:keys.list')).map((k) => (k.damaged ? '' : k.name))
    expect(restored.sort((a, b) => a.localeCompare(b))).toEqual(names)
  })

  it('saves how many backups are kept, and refuses a number out of range at the field', async () => {
    const w = await openWindow()
    const user = userEvent.setup()
    const dialog = await openSettings(w)
    const keep = (await dialog.findByLabelText(BACKUPS_KEEP_LABEL)) as HTMLInputElement
    expect(keep.value).toBe('10')
    await user.clear(keep)
    await user.type(keep, '0')
    await user.click(dialog.getByRole('button', { name: 'Save settings' }))
    expect(await dialog.findByText(BACKUPS_KEEP_PROBLEM)).toBeTruthy()
    await user.clear(keep)
    await user.type(keep, '3')
    await user.click(dialog.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect((await call(w.keyhold.core, 'keyhold:settings.get')).backups.keep).toBe(3)
  })
})

describe('the Unlock screen of a damaged vault', () => {
  it('offers "Restore from a backup": the backup’s password opens its preview and its restore, then the vault unlocks with its keys', async () => {
    const w = await openWindow()
    const names = await addKeys(w, 'dmg')
    const made = await call(w.keyhold.core, 'keyhold:backups.create')
    await w.store.getState().lockVault()
    damage(w.keyhold.core.paths.vaultFile)
    const user = userEvent.setup()
    render(
      <KeyholdStoreProvider store={w.store}>
        <Unlock />
      </KeyholdStoreProvider>,
    )
    expect(screen.queryByRole('button', { name: 'Restore from a backup' })).toBeNull()
    await user.type(screen.getByLabelText('Master password'), STRONG_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByText(ERROR_MESSAGES.VAULT_DAMAGED)).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Restore from a backup' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Restore from a backup' }))
    const row = within(await dialog.findByRole('listitem', { name: /^Backup of / }))
    // Locked: nothing opens without the backup's master password.
    expect((row.getByRole('button', { name: 'Preview' }) as HTMLButtonElement).disabled).toBe(true)
    await user.type(dialog.getByLabelText('Master password of the backup'), 'not the password at all 123')
    await user.click(row.getByRole('button', { name: 'Preview' }))
    expect(await dialog.findByText('That is not the master password this backup was made with.')).toBeTruthy()

    await user.clear(dialog.getByLabelText('Master password of the backup'))
    await user.type(dialog.getByLabelText('Master password of the backup'), STRONG_PASSWORD)
    await user.click(row.getByRole('button', { name: 'Preview' }))
    const preview = within(await dialog.findByRole('region', { name: 'What the backup holds' }))
    expect(preview.getAllByRole('listitem').map((li) => li.textContent)).toEqual(names)

    await user.click(row.getByRole('button', { name: 'Restore…' }))
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Restore this backup?' })).getByRole('button', { name: 'Restore the backup' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Restore from a backup' })).toBeNull())
    expect(screen.getByRole('status').textContent).toBe(RESTORED_NOTICE)
    expect(screen.queryByRole('button', { name: 'Restore from a backup' })).toBeNull()

    await user.type(screen.getByLabelText('Master password'), STRONG_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    await waitFor(() => expect(w.store.getState().vault?.state).toBe('unlocked'))
    const keys = (await call(w.keyhold.core, 'keyhold:keys.list')).map((k) => (k.damaged ? '' : k.name))
    expect(keys.sort((a, b) => a.localeCompare(b))).toEqual(names)
    const kept = (await call(w.keyhold.core, 'keyhold:backups.list')).backups
    expect(kept.find((b) => b.backupId === made.backupId)).toBeTruthy()
    expect(kept.find((b) => b.damagedCopy)).toMatchObject({ reason: 'before-restore' })
  })

  it('is offered for a header changed outside Keyhold too, and not for a wrong password', async () => {
    const w = await openWindow()
    await call(w.keyhold.core, 'keyhold:backups.create')
    await w.store.getState().lockVault()
    const user = userEvent.setup()
    render(
      <KeyholdStoreProvider store={w.store}>
        <Unlock />
      </KeyholdStoreProvider>,
    )
    await user.type(screen.getByLabelText('Master password'), 'not the password at all 123')
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByText(ERROR_MESSAGES.WRONG_PASSWORD)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Restore from a backup' })).toBeNull()

    const db = new BetterSqlite3(w.keyhold.core.paths.vaultFile)
    db.prepare('UPDATE vault_header SET format = 99').run()
    db.close()
    await user.type(screen.getByLabelText('Master password'), STRONG_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByText(ERROR_MESSAGES.VAULT_HEADER_TAMPERED)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Restore from a backup' })).toBeTruthy()
  })
})
