// The desktop host's open and save dialogs, with Electron's `dialog` replaced by a double: the
// filters offered per purpose, real files read and written, the size limit checked before reading.
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { OpenDialogOptions, SaveDialogOptions } from 'electron'
import { createElectronFileDialogs } from '../../../electron/main/file-dialogs'
import { MAX_FILE_BYTES } from '../../../electron/shared/files'
import { tempDir } from '../../support/fixtures'

let dir: ReturnType<typeof tempDir>
afterEach(() => dir.remove())

function dialogDouble(answer: { open?: string[]; save?: string }) {
  const asked: (OpenDialogOptions | SaveDialogOptions)[] = []
  const last = (args: unknown[]) => args[args.length - 1] as OpenDialogOptions & SaveDialogOptions
  return {
    asked,
    dialog: {
      showOpenDialog: async (...args: unknown[]) => (asked.push(last(args)), { canceled: answer.open === undefined, filePaths: answer.open ?? [] }),
      showSaveDialog: async (...args: unknown[]) => (asked.push(last(args)), answer.save === undefined ? { canceled: true } : { canceled: false, filePath: answer.save }),
    } as never,
  }
}

describe('desktop file dialogs', () => {
  it('opens the picked file by its own name, offering the purpose’s kinds first', async () => {
    dir = tempDir('keyhold-dialogs-')
    const path = join(dir.path, 'team keys.csv')
    writeFileSync(path, 'name,key\nA,abc\n')
    const { dialog, asked } = dialogDouble({ open: [path] })
    const picked = await createElectronFileDialogs(dialog, () => null).open('import')
    expect(picked?.name).toBe('team keys.csv')
    expect(picked?.bytes.toString()).toBe('name,key\nA,abc\n')
    expect((asked[0] as OpenDialogOptions).filters?.[0]?.extensions).toContain('kdbx')
    expect((asked[0] as OpenDialogOptions).filters?.at(-1)).toEqual({ name: 'All files', extensions: ['*'] })
  })

  it('answers undefined when the person cancels', async () => {
    dir = tempDir('keyhold-dialogs-')
    const { dialog } = dialogDouble({})
    expect(await createElectronFileDialogs(dialog, () => null).open('share-file')).toBeUndefined()
    expect(await createElectronFileDialogs(dialog, () => null).save('x.keyhold-share', Buffer.from('x'))).toBe(false)
  })

  it('refuses a file over the limit from its size, before reading it', async () => {
    dir = tempDir('keyhold-dialogs-')
    const path = join(dir.path, 'huge.kdbx')
    writeFileSync(path, '')
    truncateSync(path, MAX_FILE_BYTES + 1)
    const { dialog } = dialogDouble({ open: [path] })
    await expect(createElectronFileDialogs(dialog, () => null).open('import')).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' })
  })

  it('saves where the person chose, readable by them alone', async () => {
    dir = tempDir('keyhold-dialogs-')
    const target = join(dir.path, 'for-ann.keyhold-share')
    const { dialog, asked } = dialogDouble({ save: target })
    expect(await createElectronFileDialogs(dialog, () => null).save('for-ann.keyhold-share', Buffer.from('sealed'))).toBe(true)
    expect(readFileSync(target, 'utf8')).toBe('sealed')
    expect(statSync(target).mode & 0o777).toBe(0o600)
    expect((asked[0] as SaveDialogOptions).defaultPath).toBe('for-ann.keyhold-share')
  })

  it('says so in a sentence when the chosen folder cannot be written', async () => {
    dir = tempDir('keyhold-dialogs-')
    const { dialog } = dialogDouble({ save: join(dir.path, 'no-such-folder', 'x.keyhold-export') })
    await expect(createElectronFileDialogs(dialog, () => null).save('x.keyhold-export', Buffer.from('x'))).rejects.toMatchObject({ code: 'STORAGE_FAILED' })
  })
})
