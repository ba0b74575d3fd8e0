import { ERROR_MESSAGES } from '../../../electron/shared/errors'
import { FILE_PURPOSES, FILE_PURPOSE_TYPES, MAX_FILE_BYTES, type FilePurpose, type FileRef } from '../../../electron/shared/files'
import type { Result } from '../../../electron/shared/result'
import { FILE_NAME_HEADER, WEB_FILES_PATH } from '../../../electron/shared/web-protocol'

/** How the bridge reaches the host: fetch with the session, or the bridge's own answer when the session has gone. */
export type SessionFetch = (path: string, init: RequestInit) => Promise<Response | Result<never>>

const failure = (code: keyof typeof ERROR_MESSAGES): Result<never> => ({ ok: false, error: { code, message: ERROR_MESSAGES[code] } })

/** The browser's own file chooser, offering the purpose's kinds first; undefined when the person cancels. */
function pickFile(purpose: FilePurpose): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = FILE_PURPOSE_TYPES[purpose].extensions.map((e) => `.${e}`).join(',')
    input.addEventListener('change', () => resolve(input.files?.[0]), { once: true })
    input.addEventListener('cancel', () => resolve(undefined), { once: true })
    input.click()
  })
}

/**
 * `keyhold:files.choose` in a browser: the host cannot open a dialog on the person's screen, so
 * the page asks with the browser's file chooser and uploads what was picked (web-protocol.ts, 6).
 * Too large a file is refused here, before any of it is sent.
 */
export async function chooseFile(purpose: FilePurpose, send: SessionFetch): Promise<Result<FileRef | null>> {
  if (!FILE_PURPOSES.includes(purpose)) return failure('INVALID_INPUT')
  const file = await pickFile(purpose)
  if (file === undefined) return { ok: true, value: null }
  if (file.size > MAX_FILE_BYTES) return failure('FILE_TOO_LARGE')
  const answer = await send(WEB_FILES_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', [FILE_NAME_HEADER]: encodeURIComponent(file.name) },
    body: file,
  })
  if (!(answer instanceof Response)) return answer
  try {
    return (await answer.json()) as Result<FileRef>
  } catch {
    return failure('FILE_UNREADABLE')
  }
}

/**
 * `keyhold:files.save` in a browser: the file core made is fetched once and handed to the
 * browser's downloads under its own name. `saved` says the download was started; where it goes
 * is the browser's to ask.
 */
export async function saveFile(fileId: string, send: SessionFetch): Promise<Result<{ saved: boolean }>> {
  const answer = await send(`${WEB_FILES_PATH}/${encodeURIComponent(fileId)}`, { method: 'GET', cache: 'no-store' })
  if (!(answer instanceof Response)) return answer
  if (!answer.ok) {
    try {
      return (await answer.json()) as Result<never>
    } catch {
      return failure('FILE_GONE')
    }
  }
  const name = decodeURIComponent(answer.headers.get(FILE_NAME_HEADER) ?? 'keyhold-file')
  const url = URL.createObjectURL(await answer.blob())
  try {
    const link = document.createElement('a')
    link.href = url
    link.download = name
    link.rel = 'noopener'
    document.body.append(link)
    link.click()
    link.remove()
  } finally {
    // The click has handed the blob to the download; the page keeps no copy of the file.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
  return { ok: true, value: { saved: true } }
}

